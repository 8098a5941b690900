// Evidence files in a folder on this machine (UPLOAD_DIR): the default, for `npm start` on one
// server. Outside anything the web server serves by itself.
import "server-only";
import { mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkedKey, type FileStore } from "./store";

export function localStore(dir: string): FileStore {
  const pathOf = (key: string) => path.join(/* turbopackIgnore: true */ dir, checkedKey(key));
  return {
    async put(key, bytes) {
      const file = pathOf(key);
      await mkdir(dir, { recursive: true });
      await writeFile(/* turbopackIgnore: true */ file, bytes, { flag: "wx" });
    },
    async read(key) {
      return readFile(/* turbopackIgnore: true */ pathOf(key));
    },
    async open(key, chunkBytes) {
      const handle = await open(/* turbopackIgnore: true */ pathOf(key), "r");
      return handle.createReadStream({ highWaterMark: chunkBytes });
    },
    async remove(key) {
      await rm(/* turbopackIgnore: true */ pathOf(key), { force: true });
    },
  };
}

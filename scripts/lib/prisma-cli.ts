// Runs the Prisma CLI without any engine download: the schema engine is the
// WebAssembly one (prisma.config.ts), and these variables only need to name a file.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function prismaEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const placeholder = path.join(root, "package.json");
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function runPrisma(args: string[], extra: Record<string, string> = {}, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const bin = path.join(root, "node_modules", "prisma", "build", "index.js");
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: prismaEnv(extra),
      stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} exited with ${code}`))));
  });
}

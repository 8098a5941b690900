// Runs `npm run digests` against the e2e app, as an operator would: the hourly job's work, now,
// at the time given. The e2e server leaves the settings it needs (scripts/e2e-server.ts).
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { e2eEnvFile } from "../scripts/lib/e2e-mail";

export async function sendDigestsAt(at: Date): Promise<string> {
  const settings = JSON.parse(await readFile(e2eEnvFile(), "utf8")) as Record<string, string>;
  const root = path.join(import.meta.dirname, "..");
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", "scripts/send-digests.ts", "--at", at.toISOString()], {
    cwd: root,
    env: { ...process.env, ...settings, NODE_ENV: "production" },
    timeout: 60_000,
  });
  return stdout;
}

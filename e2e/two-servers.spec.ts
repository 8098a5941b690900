// More than one app server: two more `next start` processes of the same build, beside the e2e
// server, over its database and one S3-compatible store (s3rver, started here), each with an empty
// upload folder of its own. What one server writes the other reads, the sign-in throttle counts
// across both, and a file uploaded through one downloads through the other — from the bucket.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, mkdtemp, readdir, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { e2eEnvFile } from "../scripts/lib/e2e-mail";
import { startTestS3, type TestS3 } from "../test/s3-server";
import { expectNoAxeViolations } from "./helpers";

test.describe.configure({ mode: "serial" });

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// A student no other journey signs in as (prisma/seed/demo.ts).
const STUDENT = "marcus.grant@northbrook.test";
const PHOTO = path.join(import.meta.dirname, "fixtures", "record-photo.png");

type Server = { origin: string; uploads: string; process: ChildProcess; output: string[] };
let s3: TestS3;
let servers: Server[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(shared: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const uploads = await mkdtemp(path.join(os.tmpdir(), "pathways-two-servers-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...shared,
    ...s3.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    APP_URL: origin,
    AUTH_URL: origin,
    UPLOAD_DIR: uploads,
  };
  // The build the e2e server made (PATHWAYS_DIST_DIR is passed on with the environment).
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 200 && output.shift();
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { origin, uploads, process: child, output };
}

async function ready(server: Server) {
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    if (server.process.exitCode !== null) throw new Error(`The server at ${server.origin} stopped:\n${server.output.join("")}`);
    const answer = await fetch(`${server.origin.replace("localhost", "127.0.0.1")}/sign-in`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${server.origin} did not answer:\n${server.output.join("")}`);
}

async function stop(server: Server) {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  const late = setTimeout(() => server.process.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(late);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // The e2e server's database and session secret (scripts/e2e-server.ts writes them down).
  const { DATABASE_URL, AUTH_SECRET, SMTP_URL } = JSON.parse(await readFile(e2eEnvFile(), "utf8")) as Record<
    "DATABASE_URL" | "AUTH_SECRET" | "SMTP_URL",
    string
  >;
  s3 = await startTestS3("pathways-two-servers");
  servers = await Promise.all([0, 1].map(() => startServer({ DATABASE_URL, AUTH_SECRET, SMTP_URL })));
  await Promise.all(servers.map(ready));
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [i, s] of servers.entries()) await testInfo.attach(`server ${i + 1} output`, { body: s.output.join("") });
});

test.afterAll(async () => {
  await Promise.all(servers.map(stop));
  for (const s of servers) await rm(s.uploads, { recursive: true, force: true });
  await s3?.stop();
});

async function signInAt(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a record with a photo saved through one server is read, and its photo downloaded, through the other", async ({ browser }) => {
  const [one, two] = servers as [Server, Server];
  const title = `Built a bat box ${Date.now().toString(36)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, one.origin, STUDENT, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto(`${one.origin}/records/new`);
  await page.getByLabel("What did you do?").fill(title);
  await page.getByLabel("What did you do and learn?").fill("Measured, cut and assembled a bat box from one plank.");
  await page.getByLabel("Where was it?").selectOption({ label: "In the community" });
  await page.getByLabel("Hours").fill("2");
  await page.getByLabel("Minutes").fill("0");
  await page.getByLabel("Choose photos or files").setInputFiles(PHOTO);
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const recordPath = new URL(page.url()).pathname;
  expect(recordPath).toMatch(/^\/records\/[a-z0-9]+$/);

  // The same session (a signed cookie) is good on the other server, which reads the record.
  await page.goto(`${two.origin}${recordPath}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const photo = page.getByRole("img", { name: "Photo: record-photo.png" });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  await expectNoAxeViolations(page);
  const download = await page.request.get(`${two.origin}${await photo.getAttribute("src")}`);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), await readFile(PHOTO))).toBe(0);

  // It came from the bucket: neither server kept anything in its own folder.
  const { bucket, endpoint, region, credentials } = s3.settings;
  const client = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
  const { Contents } = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  client.destroy();
  expect(Contents?.map((o) => o.Size)).toEqual([(await readFile(PHOTO)).byteLength]);
  for (const s of servers) expect(await readdir(s.uploads)).toEqual([]);
  await context.close();
});

test("the sign-in throttle counts failures made through both servers", async ({ browser }) => {
  const [one, two] = servers as [Server, Server];
  const email = `nobody-${Date.now().toString(36)}@two-servers.test`;
  const host = 1 + (Date.now() % 250);
  // Sign-in tries from one address through one server, each waited for until it is answered.
  async function tries(server: Server, address: string, count: number, expected: RegExp) {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/sign-in`);
    for (let i = 0; i < count; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`a wrong guess ${i}`);
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await answered;
      await expect(page.getByText(expected)).toBeVisible();
    }
    return { page, context };
  }
  // Five failures through each server, each from an address of its own: only the account's count,
  // kept in the shared database, can reach the limit of 10.
  await (await tries(one, `198.51.100.${host}`, 5, /do not match an active account/)).context.close();
  await (await tries(two, `192.0.2.${host}`, 5, /do not match an active account/)).context.close();
  // The 11th, from a fresh address, through the server that saw only five of them itself.
  const { page, context } = await tries(one, `198.18.0.${host}`, 1, /Too many attempts to sign in/);
  await expectNoAxeViolations(page);
  await context.close();
  await (await tries(two, `198.18.1.${host}`, 1, /Too many attempts to sign in/)).context.close();
});

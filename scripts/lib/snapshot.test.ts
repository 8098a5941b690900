// The restore drill: data (a district, a rated plan, an uploaded file) is backed up, restored into
// an empty database and an empty upload folder, and every table's rows and every file's bytes come
// back identical. A damaged backup and a database that already holds data are refused.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEvidence } from "@/lib/evidence/commands";
import { uploadDir } from "@/lib/env";
import { makeSchool } from "@/test/fixtures";
import { activePlan } from "@/test/plans";
import { createDatabaseIfMissing } from "./postgres";
import { runPrisma } from "./prisma-cli";
import { backup, checkoutMigrations, readManifest, restore } from "./snapshot";

const source = process.env.DATABASE_URL as string;
const migrationsDir = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
const migrate = (url: string) => runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
let work: string;
let archive: string;

/** A fresh database on the test server. */
async function emptyDatabase(name: string) {
  const url = new URL(source);
  url.pathname = `/${name}_${Date.now().toString(36)}`;
  await createDatabaseIfMissing(url.toString());
  return url.toString();
}

/** Every table's row count and content hash, so two databases compare exactly. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; h: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS h FROM "${name}" t`,
      );
      out[name] = `${rows[0]?.n}:${rows[0]?.h ?? ""}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function checksums(dir: string) {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const e of names) {
    const full = path.join(e.parentPath, e.name);
    out[path.relative(dir, full)] = createHash("sha256")
      .update(await readFile(full))
      .digest("hex");
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "pathways-drill-"));
  archive = path.join(work, "backup.tar.gz");
  const s = await makeSchool();
  const { id: planId, goalIds } = await activePlan(s.student, s.teacher, [[s.standard.id]]);
  const pdf = new TextEncoder().encode("%PDF-1.4\n% a poster\n");
  await addEvidence(s.student, {
    planId,
    goalId: goalIds[0],
    kind: "FILE",
    title: "Poster",
    text: "",
    url: "",
    reflection: "",
    file: new File([pdf], "poster.pdf", { type: "application/pdf" }),
  });
}, 120_000);

afterAll(async () => {
  // Databases made here are dropped with the test server at the end of the run.
});

describe("backup and restore", () => {
  it("brings back every row and every file exactly, into an empty database and folder", { timeout: 180_000 }, async () => {
    const manifest = await backup(source, uploadDir(), archive);
    expect(manifest.migrations).toEqual(await checkoutMigrations(migrationsDir));
    expect(manifest.tables.find((t) => t.name === "Evidence")?.rows).toBeGreaterThan(0);
    expect(manifest.files.length).toBeGreaterThan(0);
    expect((await readManifest(archive)).tables).toEqual(manifest.tables);
    // Only its owner may read it: it holds every student's record.
    expect((await stat(archive)).mode & 0o777).toBe(0o600);

    const target = await emptyDatabase("restored");
    const files = await mkdtemp(path.join(os.tmpdir(), "pathways-restored-uploads-"));
    await restore(target, files, archive, { migrations: await checkoutMigrations(migrationsDir), migrate });

    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    const before = await checksums(uploadDir());
    expect(await checksums(files)).toEqual(before);
    // Sequences go on after the restored rows: a new statement number does not collide.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    const next = await client.query<{ v: string }>(`SELECT nextval(pg_get_serial_sequence('"XapiStatement"', 'seq')) AS v`);
    await client.end();
    expect(Number(next.rows[0]?.v)).toBeGreaterThan(0);

    // Restoring again over what is now there is refused, and changes nothing.
    await expect(
      restore(target, await mkdtemp(path.join(os.tmpdir(), "pathways-x-")), archive, { migrations: manifest.migrations, migrate }),
    ).rejects.toThrow(/already holds data/);
    await expect(restore(await emptyDatabase("other"), files, archive, { migrations: manifest.migrations, migrate })).rejects.toThrow(
      /upload folder .* is not empty/,
    );
  });

  it("refuses a damaged backup and one from other migrations, writing nothing", { timeout: 120_000 }, async () => {
    const unpacked = path.join(work, "unpacked");
    await tar.extract({ file: archive, cwd: await mkdtemp(`${unpacked}-`) }).catch(() => undefined);
    const dir = (await readdir(work)).find((n) => n.startsWith("unpacked-"));
    const root = path.join(work, dir as string);
    await writeFile(path.join(root, "db", "Evidence.copy"), "tampered\n");
    const damaged = path.join(work, "damaged.tar.gz");
    await tar.create({ gzip: true, file: damaged, cwd: root, portable: true }, await readdir(root));

    const target = await emptyDatabase("damaged");
    const files = await mkdtemp(path.join(os.tmpdir(), "pathways-damaged-uploads-"));
    const migrations = await checkoutMigrations(migrationsDir);
    await expect(restore(target, files, damaged, { migrations, migrate })).rejects.toThrow(/Evidence does not match its checksum/);
    expect(Object.values(await fingerprint(target)).every((v) => v.startsWith("0:"))).toBe(true);
    expect(await readdir(files)).toEqual([]);

    await expect(restore(target, files, archive, { migrations: migrations.slice(0, -1), migrate })).rejects.toThrow(/taken at migration/);

    // A crafted manifest cannot name a file outside the upload folder.
    const manifest = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8")) as { files: { path: string }[] };
    manifest.files.push({ path: "../../outside.txt" } as { path: string });
    await writeFile(path.join(root, "manifest.json"), JSON.stringify(manifest));
    const crafted = path.join(work, "crafted.tar.gz");
    await tar.create({ gzip: true, file: crafted, cwd: root, portable: true }, await readdir(root));
    await expect(restore(target, files, crafted, { migrations, migrate })).rejects.toThrow(/outside its folder/);
  });

  it("with files kept in S3, backs up and restores the database alone", { timeout: 120_000 }, async () => {
    const dbOnly = path.join(work, "db-only.tar.gz");
    const manifest = await backup(source, null, dbOnly);
    expect(manifest.files).toEqual([]);
    const entries: string[] = [];
    await tar.list({ file: dbOnly, onReadEntry: (e) => entries.push(e.path) });
    expect(entries).toContain("manifest.json");
    expect(entries.filter((p) => p.startsWith("uploads"))).toEqual([]);

    const target = await emptyDatabase("s3");
    const migrations = await checkoutMigrations(migrationsDir);
    // A backup that holds files has nowhere to put them: refused before the database is touched.
    await expect(restore(target, null, archive, { migrations, migrate })).rejects.toThrow(/holds \d+ uploaded files/);
    await restore(target, null, dbOnly, { migrations, migrate });
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });
});

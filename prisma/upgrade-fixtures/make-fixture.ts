// Remakes old-demo.sql: the demo data exactly as the pre-district app (commit 3957d69)
// seeded it, as plain INSERT statements in foreign-key order, for prisma/upgrade.test.ts.
//
//   npx tsx prisma/upgrade-fixtures/make-fixture.ts [commit]
//
// It checks the old commit out into a temporary git worktree (the main working tree and
// index are not touched), links this project's node_modules into it, generates the old
// Prisma client there, seeds a throwaway database (on the DATABASE_URL server when set,
// else a temporary embedded Postgres) with the old `npm run db:seed`, i.e. the old
// migrations plus seedDemoSchool, dumps every row of every table but _prisma_migrations,
// and removes the worktree and the database again.
import { spawn } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startThrowaway } from "../../scripts/lib/postgres";

const root = path.resolve(import.meta.dirname, "../..");
const commit = process.argv[2] ?? "3957d69";
const out = path.join(import.meta.dirname, "old-demo.sql");

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Tables of the public schema, each after every table it references (no cycles in the old model). */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and c.relname <> '_prisma_migrations' order by c.relname`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
       where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, trail: string[]) => {
    if (ordered.includes(t)) return;
    if (trail.includes(t)) throw new Error(`foreign-key cycle: ${[...trail, t].join(" → ")}`);
    for (const e of edges.filter((e) => e.child === t)) visit(e.parent, [...trail, t]);
    ordered.push(t);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
// Every value is read as Postgres's own text form and written back as a quoted literal,
// which Postgres coerces to the column's type: exact for timestamps, dates, jsonb, enums.
const literal = (value: string | null) => (value === null ? "NULL" : `'${value.replace(/'/g, "''")}'`);

async function dump(url: string): Promise<{ sql: string; rows: number }> {
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (v: string) => v } });
  await client.connect();
  try {
    const lines: string[] = [];
    let total = 0;
    for (const table of await tablesInDependencyOrder(client)) {
      const columns = (
        await client.query<{ name: string }>(
          `select a.attname as name from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
          [ident(table)],
        )
      ).rows.map((r) => r.name);
      const key = (
        await client.query<{ name: string }>(
          `select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
           where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
          [ident(table)],
        )
      ).rows.map((r) => r.name);
      const order = (key.length ? key : columns).map(ident).join(", ");
      const { rows } = await client.query({
        text: `select ${columns.map(ident).join(", ")} from ${ident(table)} order by ${order}`,
        rowMode: "array",
      });
      if (rows.length === 0) continue;
      total += rows.length;
      lines.push("", `-- ${table}: ${rows.length} rows`, `INSERT INTO ${ident(table)} (${columns.map(ident).join(", ")}) VALUES`);
      lines.push(rows.map((r: (string | null)[]) => `(${r.map(literal).join(", ")})`).join(",\n") + ";");
    }
    return { sql: lines.join("\n"), rows: total };
  } finally {
    await client.end();
  }
}

const worktree = path.join(await mkdtemp(path.join(os.tmpdir(), "pathways-old-")), "app");
await run("git", ["worktree", "add", "--detach", worktree, commit], root);
let database: Awaited<ReturnType<typeof startThrowaway>> | undefined;
try {
  await symlink(path.join(root, "node_modules"), path.join(worktree, "node_modules"));
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  await run(tsx, ["scripts/prisma.ts", "generate"], worktree);
  database = await startThrowaway("fixture");
  await run(tsx, ["scripts/seed.ts"], worktree, { ...process.env, DATABASE_URL: database.url });
  const { sql, rows } = await dump(database.url);
  const fullCommit = await new Promise<string>((resolve, reject) => {
    const child = spawn("git", ["rev-parse", commit], { cwd: root });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.on("exit", (code) => (code === 0 ? resolve(text.trim()) : reject(new Error("git rev-parse failed"))));
  });
  const header = [
    `-- The demo data of Pathways at ${fullCommit}, as its seed made it`,
    `-- (migration 20261122192554_init + seedDemoSchool). ${rows} rows, in foreign-key order.`,
    `-- Made by prisma/upgrade-fixtures/make-fixture.ts on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.`,
    `-- Load into a database that has only the init migration applied.`,
  ];
  await writeFile(out, `${header.join("\n")}\n${sql}\n`);
  console.log(`Wrote ${rows} rows to ${path.relative(root, out)}.`);
} finally {
  await database?.stop();
  await rm(path.join(worktree, "node_modules"), { force: true }); // the link only, never its target
  await run("git", ["worktree", "remove", "--force", worktree], root).catch((e) => console.error(e));
  await rm(path.dirname(worktree), { recursive: true, force: true });
}

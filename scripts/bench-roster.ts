// `npm run bench:roster`: times a OneRoster import of 20 000 people (students, teachers,
// guardians, with their enrollments and links) into a new district of a throwaway
// database: parsing, the dry run, applying, and re-importing the same files (no changes).
// Target: checking and applying together under 60 s. For scale, it also times a floor:
// inserting as many bare user rows in one statement (rolled back). Exits 1 over target.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "./lib/app";
import { startThrowaway } from "./lib/postgres";

const TARGET_PEOPLE = Number(process.env.BENCH_ROSTER_PEOPLE ?? 20_000);
const LIMIT_MS = 60_000;

const database = await startThrowaway("bench-roster");
let over = false;
try {
  await prepareDatabase(database.url);
  const { db } = await import("../lib/db");
  const { collectFiles } = await import("../lib/roster/files");
  const { parseRoster } = await import("../lib/roster/parse");
  const { applyImport, checkUpload } = await import("../lib/roster/run");
  const { summarize, totalChanges } = await import("../lib/roster/report");
  const { buildRoster, rosterFiles, uploadsOf } = await import("../test/roster/generate");

  // About 2.2 people per student (families, teachers, staff): grow until the target is met.
  let students = Math.ceil(TARGET_PEOPLE / 2.3);
  let model = buildRoster({ students, prefix: "bench" });
  while (model.users.length < TARGET_PEOPLE) {
    students = Math.ceil(students * 1.02);
    model = buildRoster({ students, prefix: "bench" });
  }
  const uploads = uploadsOf(rosterFiles(model));
  const megabytes = uploads.reduce((n, u) => n + u.bytes.length, 0) / 1024 / 1024;
  console.log(
    `Export: ${model.users.length} people (${students} students), ${model.classes.length} classes, ${model.enrollments.length} enrollments, ${megabytes.toFixed(1)} MB of CSV`,
  );

  const id = "bench-roster-district";
  await db.organization.create({ data: { id, districtId: id, type: "DISTRICT", name: "Bench Roster District" } });
  const ctx = { districtId: id, actorId: null };
  const times: [string, number][] = [];
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await run();
    times.push([label, performance.now() - started]);
    return result;
  };

  await time("parse the CSV files", () => parseRoster(collectFiles(uploads).files));
  const checked = await time("dry run (parse + plan + store)", () => checkUpload(ctx, "bench.zip", uploads));
  const applied = await time("apply (re-plan + write, one transaction)", () => applyImport(ctx, checked.id));
  const again = await time("re-import dry run", () => checkUpload(ctx, "bench.zip", uploads));
  await time("re-import apply (no changes)", () => applyImport(ctx, again.id));

  // The floor: the least an import of this many people could cost on this machine.
  const rollback = new Error("rollback");
  await time("floor: insert bare user rows, one statement", () =>
    db
      .$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "User" (id, "districtId", email, name, "updatedAt")
          SELECT 'floor-' || g, ${id}, 'floor-' || g || '@floor.invalid', 'Floor ' || g, now() FROM generate_series(1, ${model.users.length}::int) g`;
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      }),
  );
  await time("floor: count the district's users", () => db.user.count({ where: { districtId: id } }));
  await db.$disconnect();

  const ms = new Map(times);
  for (const [label, t] of times) console.log(`${label.padEnd(46)} ${t.toFixed(0).padStart(8)} ms`);
  const importMs = (ms.get("dry run (parse + plan + store)") ?? 0) + (ms.get("apply (re-plan + write, one transaction)") ?? 0);
  const floor = ms.get("floor: insert bare user rows, one statement") ?? 1;
  console.log(`\nApplied: ${summarize(applied.report)}. Re-import: ${totalChanges(again.report)} changes.`);
  console.log(
    `Check + apply: ${(importMs / 1000).toFixed(1)} s (target under ${LIMIT_MS / 1000} s); ${(importMs / floor).toFixed(1)}× the floor.`,
  );
  if (applied.report.errorCount || totalChanges(again.report) !== 0) {
    console.error("The import reported problems or the re-import found changes.");
    over = true;
  }
  if (importMs > LIMIT_MS) over = true;
} finally {
  await database.stop();
}
process.exit(over ? 1 : 0);

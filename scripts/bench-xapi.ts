// `npm run bench` (xAPI part): issue 10's budget. On a throwaway database with the demo district,
// times POSTing 1 000 statements in one request to the statement receiver (validation, one
// transaction, one bulk insert, and the suggestions a tenth of them give rise to), through the
// same handler the route uses. Budget: under 2 s per batch (the median of BENCH_XAPI_ROUNDS,
// default 5). Exits 1 when the budget is missed.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "./lib/app";
import { startThrowaway } from "./lib/postgres";

const ROUNDS = Number(process.env.BENCH_XAPI_ROUNDS ?? 5);
const BATCH = 1000;
const BUDGET_MS = 2000;

const database = await startThrowaway("bench-xapi");
let missed = false;
try {
  await prepareDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db");
  const { hashSecret } = await import("../lib/xapi/auth");
  const { handleStatements } = await import("../lib/xapi/http");

  const school = await db.organization.findFirstOrThrow({
    where: { type: "SCHOOL" },
    orderBy: { name: "asc" },
    select: { id: true, districtId: true, name: true },
  });
  const students = await db.user.findMany({
    where: { memberships: { some: { organizationId: school.id, role: "STUDENT", endedAt: null } } },
    select: { email: true },
    take: 20,
  });
  const secret = "bench-secret";
  const tool = await db.xapiTool.create({
    data: { name: "Bench tool", schoolId: school.id, districtId: school.districtId, key: "bench", secretHash: await hashSecret(secret) },
  });
  const auth = `Basic ${Buffer.from(`bench:${secret}`).toString("base64")}`;

  const statement = (i: number) => {
    const completes = i % 10 === 0 && students.length > 0;
    return {
      actor: {
        objectType: "Agent",
        mbox: completes ? `mailto:${students[i % students.length]?.email}` : `mailto:learner${i}@bench.example`,
      },
      verb: completes
        ? { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } }
        : { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } },
      object: {
        objectType: "Activity",
        id: `https://bench.example/activities/${i % 50}`,
        definition: { name: { "en-US": `Lesson ${i % 50}` }, description: { "en-US": "A lesson in the bench course." } },
      },
      result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, success: true, completion: true, duration: "PT25M" },
      context: {
        registration: "8f4c6c2e-5d3a-4b8e-9a7f-1c2d3e4f5a6b",
        contextActivities: { parent: [{ id: "https://bench.example/course" }] },
      },
      timestamp: new Date(Date.now() - i * 1000).toISOString(),
    };
  };

  console.log(`\nPOST ${BATCH} statements in one request (${school.name}; ${students.length} students matched by a tenth of them):`);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const body = JSON.stringify(Array.from({ length: BATCH }, (_, i) => statement(i)));
    const t = performance.now();
    const response = await handleStatements(
      new Request("http://localhost/api/xapi/statements", {
        method: "POST",
        headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
        body,
      }),
    );
    const ms = performance.now() - t;
    if (response.status !== 200) throw new Error(`The receiver answered ${response.status}: ${await response.text()}`);
    const ids = (await response.json()) as string[];
    times.push(ms);
    console.log(`  round ${round + 1}: ${ms.toFixed(0).padStart(5)} ms, ${ids.length} ids`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const [stored, suggested] = await Promise.all([
    db.xapiStatement.count({ where: { toolId: tool.id } }),
    db.learningRecord.count({ where: { statement: { toolId: tool.id } } }),
  ]);
  missed = median >= BUDGET_MS;
  console.log(
    `  median ${median.toFixed(0)} ms, slowest ${sorted.at(-1)?.toFixed(0)} ms (budget ${BUDGET_MS} ms): ${missed ? "MISSED" : "ok"}; ${stored} statements stored, ${suggested} suggestions`,
  );
  await db.$disconnect();
} finally {
  await database.stop();
}
process.exit(missed ? 1 : 0);

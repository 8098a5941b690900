// Every server action is a public endpoint, so every one is fuzzed here: inputs generated with
// fast-check from the schema the action parses with (the right shape with NUL, lone surrogates,
// 100k characters, wrong types, prototype keys and real ids of other people's rows in it),
// plain garbage, and forms with garbage files, posted as a student, teacher, guardian, admin,
// district admin or nobody. Each call must answer with an ActionResult (or Next's redirect),
// never INTERNAL, never a throw; and a refused call must not change the row count of any table.
// Actions are found by globbing app/ for "use server" modules, so a new one is fuzzed without editing this.
// Replay a failure with FUZZ_SEED=<printed seed>; FUZZ_RUNS sets the calls per action.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { activePlan, ratedEvidence } from "@/test/plans";
import { makeSchool } from "@/test/fixtures";
import { describe as show, garbage, garbageForm, shaped, toFormData } from "./arbitraries";

// --- The request around an action, as Next would provide it --------------------------------
let signedIn: Actor | null = null;
/** The schema and input the action handed to runAction on its last call. */
let captured: { schema: z.ZodType; input: unknown } | null = null;
/** Errors the sign-in mock saw that Auth.js would have hidden behind "wrong password". */
const hiddenErrors: unknown[] = [];

vi.mock("@/lib/auth/session", () => ({ ACTING_COOKIE: "pathways-acting", currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
    headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  };
});
// Auth.js needs a real request; these do what it does with one: check the password (with the
// real throttle), and sign out or start single sign-on by redirecting.
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  const { verifyCredentials } = await import("@/lib/auth/sign-in");
  const { RateLimitedError } = await import("@/lib/errors");
  return {
    NO_ACCESS_PATH: "/sign-in/no-access",
    auth: async () => null,
    signOut: async ({ redirectTo = "/" }: { redirectTo?: string } = {}) => redirect(redirectTo),
    signIn: async (provider: string, options: Record<string, unknown> = {}) => {
      if (provider !== "credentials") redirect("/sso-start");
      try {
        const user = await verifyCredentials(options, "203.0.113.9");
        return user ? "/" : "http://localhost/sign-in?error=CredentialsSignin";
      } catch (error) {
        if (error instanceof RateLimitedError) return "http://localhost/sign-in?error=CredentialsSignin&code=throttled";
        hiddenErrors.push(error);
        return "http://localhost/sign-in?error=Configuration";
      }
    },
  };
});
vi.mock("@/lib/auth/action", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/action")>();
  return {
    ...real,
    runAction: (schema: z.ZodType, input: unknown, run: never) => {
      captured = { schema, input };
      return real.runAction(schema, input, run);
    },
    runPublicAction: (schema: z.ZodType, input: unknown, run: never) => {
      captured = { schema, input };
      return real.runPublicAction(schema, input, run);
    },
  };
});

// --- The actions -----------------------------------------------------------------------------
const ROOT = path.resolve(import.meta.dirname, "../..");
// Every module of server actions: app/**/actions.ts and its siblings (history-actions.ts…), found
// by their "use server" directive, so none is left out for its name.
const actionFiles = (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .filter((f) => /^(\s|\/\/.*\n)*["']use server["']/.test(readFileSync(path.join(ROOT, "app", f), "utf8")))
  .map((f) => path.join("app", f))
  .sort();

type Action = (input?: unknown) => Promise<unknown>;
type Found = { file: string; name: string; fn: Action };

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run test/fuzz/actions.test.ts)`);

/** The schema a signInAction-like action parses without runAction. */
const SCHEMA_OF: Record<string, () => Promise<z.ZodType>> = {
  signInAction: async () => (await import("@/lib/auth/sign-in-schema")).signInSchema,
  ssoSignInAction: async () => z.object({ provider: z.enum(["oidc", "google", "microsoft-entra-id"]) }),
};
/** Takes FormData even though it never hands the form to runAction in a way the probe can see. */
const TAKES_FORM = new Set(["ssoSignInAction"]);

// A refused call may still note things by design; every other table must keep its row count.
const MAY_CHANGE_ON_REFUSAL = new Set([
  "DisclosureEvent", // refused reads are logged, off the request path
  "SignInFailure", // a wrong password is counted for throttling
  "WriteRateCounter", // attempts count toward the rate limit whether or not they succeed
  "_prisma_migrations",
]);

const RESULT = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    code: z.enum(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "INVALID", "SESSION_ENDED", "RATE_LIMITED"]),
    message: z.string().min(1),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
]);

/** Next's own control flow (redirect, notFound, forbidden) is how an action may end too. */
function isNextControlFlow(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}

let countSql = "";
async function rowCounts(): Promise<Record<string, number>> {
  if (!countSql) {
    const tables = await db.$queryRaw<
      { name: string }[]
    >`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
    const counted = tables.map((t) => t.name).filter((t) => !MAY_CHANGE_ON_REFUSAL.has(t));
    countSql = counted.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(countSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

function changed(before: Record<string, number>, after: Record<string, number>) {
  return Object.keys(after)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t} ${before[t]}→${after[t]}`);
}

/** Real ids from every table: other people's plans, goals, records, people, schools… */
async function realIds(): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'text'`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    tables.map((t) => `(SELECT id FROM "${t.name}" ORDER BY random() LIMIT 8)`).join(" UNION ALL "),
  );
  return rows.map((r) => r.id);
}

// --- The run ---------------------------------------------------------------------------------
type School = Awaited<ReturnType<typeof makeSchool>>;
const ROLES = ["student", "teacher", "guardian", "admin", "districtAdmin", "otherAdmin", "signedOut"] as const;
let s: School;
let ids: string[] = [];
const called = new Map<string, number>();
let total = 0;
/** How the calls ended (ok, each refusal code, redirect): shows how many got past the schema. */
const outcomes = new Map<string, number>();
const consoleError = vi.spyOn(console, "error");

async function signIn(role: (typeof ROLES)[number]) {
  if (role === "signedOut") return (signedIn = null);
  const user = await db.user.findUnique({ where: { id: s[role].id }, select: { sessionVersion: true } });
  // As a request would: a person deleted, disabled or signed out everywhere by an earlier call is signed out.
  signedIn = user ? await loadActor(s[role].id, user.sessionVersion, null) : null;
}

/** Calls the action once and checks the answer and the tables. */
async function callOnce(action: Found, role: (typeof ROLES)[number], input: unknown) {
  await signIn(role);
  consoleError.mockClear();
  hiddenErrors.length = 0;
  const before = await rowCounts();
  let outcome: { result?: unknown; thrown?: unknown } = {};
  try {
    outcome = { result: await action.fn(input) };
  } catch (error) {
    outcome = { thrown: error };
  }
  total++;
  called.set(keyOf(action), (called.get(keyOf(action)) ?? 0) + 1);
  const why = () =>
    `${action.file} ${action.name} as ${role} with ${show(input)}\n` +
    `logged: ${consoleError.mock.calls.map((c) => show(c.map(String))).join("\n")} ${hiddenErrors.map(String).join("\n")}`;
  if ("thrown" in outcome) {
    expect(isNextControlFlow(outcome.thrown), `threw ${String(outcome.thrown)}: ${why()}`).toBe(true);
  } else {
    const parsed = RESULT.safeParse(outcome.result);
    expect(parsed.success, `answered ${show(outcome.result)}: ${why()}`).toBe(true);
  }
  expect(hiddenErrors, `sign-in failed inside: ${why()}`).toEqual([]);
  const code = "thrown" in outcome ? "redirect" : String((outcome.result as { code?: unknown }).code ?? "ok");
  outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
  const refused = "result" in outcome && (outcome.result as { ok?: unknown }).ok === false;
  if (refused) expect(changed(before, await rowCounts()), `a refused call wrote: ${why()}`).toEqual([]);
  expect(({} as Record<string, unknown>).isAdmin, `Object.prototype was polluted: ${why()}`).toBeUndefined();
}

/** What the action takes: FormData (built into an input) or the input itself, and its schema. */
async function probe(action: Found): Promise<{ form: boolean; schema: z.ZodType | null }> {
  signedIn = null;
  captured = null;
  const form = new FormData();
  try {
    await action.fn(form);
  } catch {
    // A redirect (sign-out, SSO) is fine here; only the capture matters.
  }
  const seen = captured as { schema: z.ZodType; input: unknown } | null;
  const fromSchemaOf = SCHEMA_OF[action.name];
  const schema = seen?.schema ?? (fromSchemaOf ? await fromSchemaOf() : null);
  // An action that handed runAction something other than the form built its input from the form.
  return { form: TAKES_FORM.has(action.name) || (seen !== null && seen.input !== form), schema };
}

function inputs(how: { form: boolean; schema: z.ZodType | null }): fc.Arbitrary<unknown> {
  const valid = how.schema ? shaped(how.schema, ids) : garbage;
  if (how.form) return fc.oneof({ weight: 5, arbitrary: valid.map(toFormData) }, { weight: 1, arbitrary: garbageForm });
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: garbageForm });
}

// Imported at collection time (after the mocks above) so each action gets its own test.
const found: Found[] = [];
for (const file of actionFiles) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") found.push({ file, name, fn: fn as Action });
}
const keyOf = (a: Found) => `${a.file} ${a.name}`;

beforeAll(async () => {
  s = await makeSchool();
  const plan = await activePlan(s.student, s.teacher, [[s.standard.id], []]);
  await ratedEvidence(s.student, s.teacher, { planId: plan.id, goalId: plan.goalIds[0]! }, s.levels.PROFICIENT);
  ids = [...new Set([...(await realIds()), s.school.id, s.district.id, s.other.id, s.classA.id, s.student.id, s.strangerStudent.id])];
}, 120_000);

afterAll(() => {
  console.log(`fuzz: ${total} calls over ${called.size} actions, seed ${SEED}:`, Object.fromEntries(outcomes));
});

describe("every server action, fuzzed", () => {
  it("finds every action file and every exported action", () => {
    expect(actionFiles.filter((f) => path.basename(f) === "actions.ts").length).toBeGreaterThanOrEqual(22);
    // Each file named for actions is a "use server" module, so the glob above found it.
    const named = (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[]).filter(
      (f) => /actions\.ts$/.test(f) && !f.endsWith(".test.ts"),
    );
    expect(named.map((f) => path.join("app", f)).filter((f) => !actionFiles.includes(f))).toEqual([]);
    for (const file of actionFiles) expect(found.filter((a) => a.file === file).length, file).toBeGreaterThan(0);
  });

  found.forEach((action, n) => {
    it(`${keyOf(action)} answers with a result or a redirect, never INTERNAL, and a refusal writes nothing`, async () => {
      const how = await probe(action);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ROLES), inputs(how), (role, input) => callOnce(action, role, input)),
        { seed: SEED + n, numRuns: RUNS, endOnFailure: true },
      );
    }, 60_000);
  });

  it("called every exported action, at least 1 000 times in all", () => {
    // An exported action that was never called would be an action nobody fuzzed.
    expect(found.filter((a) => !called.get(keyOf(a))).map(keyOf)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1000);
  });
});

// Every server action, called as the browser would by every kind of caller (issue 11): those the
// matrix does not allow are refused with a refusal code and change no row of the database; then
// one allowed caller succeeds. A new action without a row fails coverage.test.ts by name.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ACTION_ROWS, type ActionRow } from "./actions";
import { actionsFile } from "./discover";
import { KINDS, makeWorld, type Kind, type World } from "./world";

const session = vi.hoisted(() => ({ userId: null as string | null }));
// The caller as the app loads them for a request (a disabled person loads as no one).
vi.mock("@/lib/auth/session", async () => {
  const { loadActor } = await import("@/lib/auth/actor");
  return {
    ACTING_COOKIE: "pathways-acting",
    currentActor: async () => (session.userId ? loadActor(session.userId, 1, null) : null),
    currentSessionId: async () => null,
  };
});
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => null,
    handlers: {},
    // As next-auth answers a failed credentials sign-in without redirecting.
    signIn: async (_provider: string, options?: { redirect?: boolean }) =>
      options?.redirect === false ? "/sign-in?error=CredentialsSignin" : undefined,
    signOut: async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/sign-in"),
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/mail/send", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/mail/send")>()),
  sendMail: async () => undefined,
  sendMailInBackground: () => undefined,
}));

/** The answers that mean "refused": not found, not allowed, not signed in (or sent back to sign in / home). */
const REFUSALS = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "SESSION_ENDED", "redirect:/sign-in", "redirect:/"]);
// Rows written off the request path whatever the answer: who was refused reading what, attempt counters.
const UNWATCHED = new Set(["_prisma_migrations", "DisclosureEvent", "WriteRateCounter", "SignInFailure"]);

let w: World;
let tables: string[];

beforeAll(async () => {
  w = await makeWorld();
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  tables = rows.map((r) => r.name).filter((t) => !UNWATCHED.has(t));
}, 240_000);

/** One hash per table of every row's text: what a refused call must leave exactly as it was. */
async function fingerprint(): Promise<Map<string, string>> {
  const parts = tables.map(
    (t) => `SELECT '${t}' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash FROM "${t}" x`,
  );
  const rows = await db.$queryRawUnsafe<{ name: string; hash: string }[]>(parts.join(" UNION ALL "));
  return new Map(rows.map((r) => [r.name, r.hash]));
}
function changed(before: Map<string, string>, after: Map<string, string>) {
  return [...before].filter(([t, h]) => after.get(t) !== h).map(([t]) => t);
}

/** What the caller was answered: "ok", a failure's code, or "redirect:<url>" (and a failure's message, to explain it). */
let lastMessage = "";
async function call(fn: (input: unknown) => Promise<unknown>, input: unknown, userId: string | null): Promise<string> {
  session.userId = userId;
  lastMessage = "";
  try {
    const result = await fn(input);
    if (!result || typeof result !== "object" || !("ok" in result) || result.ok) return "ok";
    const failure = result as unknown as { code: unknown; message?: unknown; fieldErrors?: unknown };
    lastMessage = `${String(failure.message)} ${failure.fieldErrors ? JSON.stringify(failure.fieldErrors) : ""}`.trim();
    return String(failure.code);
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return `redirect:${digest.split(";")[2]}`;
    throw error;
  } finally {
    session.userId = null;
  }
}
const isOk = (answer: string) => answer === "ok" || (answer.startsWith("redirect:") && !REFUSALS.has(answer));

async function check(key: string, fn: (input: unknown) => Promise<unknown>, r: ActionRow): Promise<string[]> {
  const problems: string[] = [];
  let input = await r.input(w);
  let moved = false;
  const refused = r.public ? KINDS : KINDS.filter((k) => !r.allowed.includes(k));
  for (const kind of refused) {
    const before = await fingerprint();
    const answer = await call(fn, input, w.users[kind]);
    const touched = changed(before, await fingerprint());
    const expected = r.public?.same ?? r.answers?.[kind]?.code;
    if (expected !== undefined ? answer !== expected : !REFUSALS.has(answer))
      problems.push(
        `${key}: ${kind} was answered ${answer}, expected ${expected ?? "a refusal (NOT_FOUND, FORBIDDEN, SESSION_ENDED)"} ${lastMessage}`.trim(),
      );
    moved ||= touched.length > 0;
    if (touched.length && !r.public && !r.answers?.[kind]?.changes) problems.push(`${key}: refused ${kind} changed ${touched.join(", ")}`);
    if (touched.length && r.public) problems.push(`${key}: public call by ${kind} changed ${touched.join(", ")}`);
  }
  if (r.public) return problems;
  const first = r.allowed[0];
  if (!first) return [`${key}: the row allows no one; a row needs at least one allowed kind of caller`];
  const userId = r.okAs ? await r.okAs(w) : w.users[first];
  // A first step someone may take (answers[kind].changes) moved the record on: read it afresh.
  if (moved) input = await r.input(w);
  const answer = await call(fn, input, userId);
  const wanted = r.expect?.code ?? "ok";
  if (wanted === "ok" ? !isOk(answer) : answer !== wanted)
    problems.push(`${key}: allowed ${r.okAs ? "caller" : first} was answered ${answer}, expected ${wanted} ${lastMessage}`.trim());
  return problems;
}

describe("every server action refuses whoever the matrix does not allow, and lets an allowed caller through", () => {
  for (const [file, rows] of Object.entries(ACTION_ROWS))
    for (const [name, r] of Object.entries(rows)) {
      const key = `${file}#${name}`;
      // MATRIX_ONLY=<part of a key> runs just those rows while writing one (the world is built either way).
      if (process.env.MATRIX_ONLY && !key.includes(process.env.MATRIX_ONLY)) continue;
      it(key, async () => {
        const mod = (await import(/* @vite-ignore */ actionsFile(key))) as Record<string, (input: unknown) => Promise<unknown>>;
        const fn = mod[name];
        expect(fn, `${key} is not exported`).toBeTypeOf("function");
        expect(await check(key, fn!, r)).toEqual([]);
      });
    }
});

describe("the anonymous and disabled callers", () => {
  it("are never allowed by a row", () => {
    const open = Object.entries(ACTION_ROWS).flatMap(([file, rows]) =>
      Object.entries(rows)
        .filter(([, r]) => r.allowed.some((k: Kind) => k === "anonymous" || k === "disabled"))
        .map(([name]) => `${file}#${name}`),
    );
    expect(open).toEqual([]);
  });
});

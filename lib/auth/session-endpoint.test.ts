// The session endpoint (/api/auth/session) answers from the same checks as every page: a
// cookie of an ended session, or of a disabled person, is reported as signed out.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";
import { endSession, startSession } from "./sessions";

const SECRET = "session-endpoint-test-secret";
const COOKIE = "authjs.session-token";
let handlers: typeof import("./index").handlers;
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.AUTH_URL = "http://localhost:3000";
  ({ handlers } = await import("./index"));
  s = await makeSchool();
});

async function sessionFor(claims: { sid: string; uid: string; sv: number }) {
  const token = await encode({ token: claims, secret: SECRET, salt: COOKIE });
  const response = await handlers.GET(
    new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${token}` } }),
  );
  return (await response.json()) as { user?: { id?: string } } | null;
}

describe("the session endpoint", () => {
  it("reports an open session, and not once it has ended (a replayed cookie)", async () => {
    const claims = await startSession(s.student.id, "password");
    expect((await sessionFor(claims))?.user?.id).toBe(s.student.id);
    await endSession(claims.sid);
    expect(await sessionFor(claims)).toBeNull();
  });

  it("never reports a disabled person as signed in", async () => {
    const user = await person(s.school, "TEACHER", "Disabled Mid-Session");
    const claims = await startSession(user.id, "password");
    expect((await sessionFor(claims))?.user?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await sessionFor(claims)).toBeNull();
  });
});

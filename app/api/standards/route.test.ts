// The picker's endpoint is public: it answers only a signed-in person, only for a school they
// belong to, and a malformed query with 400, never a failure.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));

const { GET } = await import("./route");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

const get = (query: Record<string, string>) => GET(new Request(`http://localhost/api/standards?${new URLSearchParams(query)}`));

describe("GET /api/standards", () => {
  it("refuses a signed-out caller", async () => {
    expect((await get({ schoolId: s.school.id })).status).toBe(401);
  });

  it("answers a malformed query with 400", async () => {
    signedIn = s.teacher;
    expect((await get({ q: "7.RP" })).status).toBe(400);
    expect((await get({ schoolId: s.school.id, grade: "13" })).status).toBe(400);
    expect((await get({ schoolId: s.school.id, after: "garbage" })).status).toBe(400);
  });

  it("finds the school's standards, and answers another district's school with 404", async () => {
    signedIn = s.teacher;
    const ok = await get({ schoolId: s.school.id, q: s.standard.code });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, data: { items: [{ id: s.standard.id, code: s.standard.code }], next: null } });
    const foreign = await get({ schoolId: s.otherSchool.id, q: "X.1" });
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(await foreign.json())).not.toContain(s.foreignStandard.id);
  });
});

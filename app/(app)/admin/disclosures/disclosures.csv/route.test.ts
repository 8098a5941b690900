// The log's CSV through the real route handler: signed-in admins only, their own students only
// (a filter naming another district's student finds nothing), streamed with a byte order mark.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { disclose, flushDisclosures } from "@/lib/disclosure/record";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));

const { GET } = await import("./route");
let s: Awaited<ReturnType<typeof makeSchool>>;

const get = (query = "") => GET(new Request(`http://localhost/admin/disclosures/disclosures.csv${query}`));

beforeAll(async () => {
  s = await makeSchool();
  disclose(s.teacher, { action: "student.view", entityType: "User", entityId: s.student.id, allowed: true });
  disclose(s.teacherB, { action: "student.view", entityType: "User", entityId: s.otherStudent.id, allowed: false });
  await flushDisclosures();
});
beforeEach(() => {
  signedIn = null;
});

describe("GET /admin/disclosures/disclosures.csv", () => {
  it("asks anyone not signed in to sign in, and refuses teachers, students and guardians", async () => {
    expect((await get()).status).toBe(401);
    for (const actor of [s.teacher, s.student, s.guardian]) {
      signedIn = actor;
      expect((await get()).status).toBe(403);
    }
  });

  it("gives the admin their students' entries, filtered, as a CSV download", async () => {
    signedIn = s.admin;
    const response = await get("?student=Sam+Student&outcome=allowed");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="who-saw-what-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Tess Teacher opened Sam Student's student page");
  });

  it("finds nothing of another district, whatever the filter names", async () => {
    signedIn = s.otherAdmin;
    const text = await (await get("?student=Sam+Student")).text();
    expect(text.trim().split("\r\n")).toHaveLength(1);
    // Their own district's refused read by a stranger is theirs to see, the stranger unnamed.
    const own = await (await get("?student=Oscar")).text();
    expect(own).toContain("Someone from another district was refused Oscar Student's student page");
  });

  it("treats malformed filters as none, never a 500", async () => {
    signedIn = s.districtAdmin;
    const response = await get("?from=%E0%A4%A&to=2026-13-45&action=%00&outcome=x");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Tess Teacher opened Sam Student's student page");
  });
});

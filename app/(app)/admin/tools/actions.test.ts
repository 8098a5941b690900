// Server actions are public endpoints: anyone can post any ids to them. These tests call them as
// the browser would, with tampered ids, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { secretMatches } from "@/lib/xapi/auth";
import { makeTool, statement, xapi } from "@/test/xapi";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

describe("connected tools actions", () => {
  it("refuse a signed-out caller and anyone but an admin", async () => {
    expect(await actions.createToolAction({ name: "App", schoolId: s.school.id })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.teacher;
    expect(await actions.createToolAction({ name: "App", schoolId: s.school.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.student;
    expect(await actions.revokeToolAction({ toolId: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("answer bad input with the field's message", async () => {
    signedIn = s.admin;
    expect(await actions.createToolAction({ name: "", schoolId: "" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { name: [expect.any(String)], schoolId: [expect.any(String)] },
    });
    signedIn = s.districtAdmin;
    expect(await actions.addMappingAction({ activityId: "not an iri", standardIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { activityId: [expect.stringContaining("IRI")], standardIds: [expect.any(String)] },
    });
  });

  it("create a tool whose secret is shown once, stored hashed, and works", async () => {
    signedIn = s.admin;
    const created = await actions.createToolAction({ name: "Reading app", schoolId: s.school.id });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await db.xapiTool.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row).toMatchObject({ schoolId: s.school.id, districtId: s.district.id, createdById: s.admin.id, key: created.data.key });
    expect(row.secretHash).not.toContain(created.data.secret);
    expect(await secretMatches(created.data.secret, row.secretHash)).toBe(true);
    expect((await xapi(created.data, { body: statement() })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "xapi.tool.create" } })).toBe(1);

    expect(await actions.revokeToolAction({ toolId: row.id })).toMatchObject({ ok: true });
    expect((await xapi(created.data, { body: statement() })).status).toBe(401);
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "xapi.tool.revoke" } })).toBe(1);
  });

  it("answer tampered ids with 'not found' and change nothing", async () => {
    const toolB = await makeTool(s.schoolB, "School B tool");
    const foreign = await makeTool(s.otherSchool, "Other district tool");
    signedIn = s.admin; // school A's admin
    const results = [
      await actions.createToolAction({ name: "Sneaky", schoolId: s.schoolB.id }),
      await actions.createToolAction({ name: "Sneaky", schoolId: s.otherSchool.id }),
      await actions.createToolAction({ name: "Sneaky", schoolId: s.district.id }),
      await actions.revokeToolAction({ toolId: toolB.id }),
      await actions.revokeToolAction({ toolId: foreign.id }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.districtAdmin;
    expect(await actions.revokeToolAction({ toolId: foreign.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.xapiTool.count({ where: { name: "Sneaky" } })).toBe(0);
    expect(await db.xapiTool.count({ where: { id: { in: [toolB.id, foreign.id] }, revokedAt: { not: null } } })).toBe(0);
    // The district's admin manages every school of the district.
    expect(await actions.revokeToolAction({ toolId: toolB.id })).toMatchObject({ ok: true });
  });

  it("let only the district's admins map activities, to the district's own standards", async () => {
    const activityId = "https://reading.example/books/owl-moon";
    signedIn = s.admin;
    expect(await actions.addMappingAction({ activityId, standardIds: [s.standard.id] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.districtAdmin;
    expect(await actions.addMappingAction({ activityId, standardIds: [s.foreignStandard.id] })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { standardIds: [expect.any(String)] },
    });
    expect(await actions.addMappingAction({ activityId, standardIds: [s.standard.id] })).toMatchObject({ ok: true, data: { added: 1 } });
    expect(await actions.addMappingAction({ activityId, standardIds: [s.standard.id] })).toMatchObject({ ok: true, data: { added: 0 } });
    const mapping = await db.xapiActivityStandard.findFirstOrThrow({ where: { districtId: s.district.id, activityId } });
    signedIn = s.otherAdmin;
    expect(await actions.removeMappingAction({ mappingId: mapping.id })).toMatchObject({ ok: false });
    signedIn = s.districtAdmin;
    expect(await actions.removeMappingAction({ mappingId: mapping.id })).toMatchObject({ ok: true });
    expect(await db.xapiActivityStandard.count({ where: { id: mapping.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: mapping.id } })).toBe(2);
  });
});

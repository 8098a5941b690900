// The audit log and the disclosure log are append-only in the database itself: the app's role
// cannot edit or remove a line, whatever code runs. Deleting a person only forgets who they were.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deletePerson } from "@/lib/people/commands";
import { makeSchool, person } from "@/test/fixtures";

let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE", async () => {
    const line = await db.auditEvent.create({
      data: { organizationId: s.school.id, actorId: s.admin.id, action: "test.thing", entityType: "Plan", entityId: "x" },
    });
    await expect(db.auditEvent.update({ where: { id: line.id }, data: { action: "test.other" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "detail" = '{}' WHERE "id" = ${line.id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: line.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ action: "test.thing", detail: null });
  });

  it("keeps a deleted person's lines, without their name", async () => {
    const leaving = await person(s.school, "TEACHER", "Leaving Teacher");
    const line = await db.auditEvent.create({
      data: { organizationId: s.school.id, actorId: leaving.id, action: "test.kept", entityType: "Plan", entityId: "y" },
    });
    await deletePerson(s.admin, { userId: leaving.id, confirmName: leaving.name });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ action: "test.kept", actorId: null });
  });
});

describe("the disclosure log", () => {
  it("refuses UPDATE and DELETE, except inside an erasure", async () => {
    const id = randomUUID();
    await db.disclosureEvent.create({
      data: {
        id,
        districtId: s.district.id,
        actorId: s.teacher.id,
        studentId: s.student.id,
        action: "plan.view",
        entityType: "Plan",
        entityId: "p",
        allowed: true,
      },
    });
    await expect(db.disclosureEvent.update({ where: { id }, data: { allowed: false } })).rejects.toThrow(/append-only/);
    await expect(db.disclosureEvent.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('pathways.erasure', 'on', true)`;
      await tx.disclosureEvent.delete({ where: { id } });
    });
    expect(await db.disclosureEvent.count({ where: { id } })).toBe(0);
  });
});

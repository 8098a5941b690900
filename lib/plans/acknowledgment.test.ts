// A guardian acknowledges an approved plan at the version they read: only a linked guardian, only
// an active plan, once per version, and again when the plan changes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { activePlan, step } from "@/test/plans";
import { acknowledgePlan, planAcknowledgments } from "./acknowledgment";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

const latestVersion = async (id: string) =>
  (await db.planRevision.findFirstOrThrow({ where: { planId: id }, orderBy: { number: "desc" }, select: { number: true } })).number;

beforeAll(async () => {
  s = await makeSchool();
  ({ id: planId } = await activePlan(s.student, s.teacher, [[]], "Acknowledged plan"));
});

describe("acknowledging a plan", () => {
  it("refuses the student, their teacher, an admin and an unlinked guardian, and records nothing", async () => {
    const version = await latestVersion(planId);
    for (const actor of [s.student, s.teacher, s.admin]) {
      await expect(acknowledgePlan(actor, { planId, version })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(acknowledgePlan(s.otherGuardian, { planId, version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgePlan(s.otherAdmin, { planId, version })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.guardianAcknowledgment.count({ where: { planId } })).toBe(0);
  });

  it("refuses a plan that is not approved: a draft never submitted is not even found, a submitted one is refused", async () => {
    const { id: draft } = await createPlan(s.student, planInput({ title: "Private draft" }));
    await expect(acknowledgePlan(s.guardian, { planId: draft, version: await latestVersion(draft) })).rejects.toBeInstanceOf(NotFoundError);
    await step(s.student, draft, "submit");
    await expect(acknowledgePlan(s.guardian, { planId: draft, version: await latestVersion(draft) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.guardianAcknowledgment.count({ where: { planId: draft } })).toBe(0);
  });

  it("records the version read with the guardian's name, once however often it is asked, with one audit entry", async () => {
    const version = await latestVersion(planId);
    const first = await acknowledgePlan(s.guardian, { planId, version });
    const again = await acknowledgePlan(s.guardian, { planId, version });
    expect(first).toMatchObject({ planVersion: version, created: true });
    expect(again).toMatchObject({ planVersion: version, created: false, acknowledgedAt: first.acknowledgedAt });
    const rows = await db.guardianAcknowledgment.findMany({ where: { planId } });
    expect(rows).toEqual([expect.objectContaining({ guardianId: s.guardian.id, planVersion: version, signedName: "Gina Guardian" })]);
    expect(await db.auditEvent.count({ where: { entityId: planId, action: "plan.acknowledge" } })).toBe(1);
  });

  it("shows the guardian their own acknowledgment and the teacher everyone's; the student sees nothing", async () => {
    const version = await latestVersion(planId);
    expect(await planAcknowledgments(s.guardian, planId)).toMatchObject({
      currentVersion: version,
      guardian: { latest: { planVersion: version }, canAcknowledge: false },
      all: null,
    });
    expect(await planAcknowledgments(s.teacher, planId)).toEqual({
      planId,
      currentVersion: version,
      guardian: null,
      all: [{ id: expect.any(String), name: "Gina Guardian", planVersion: version, acknowledgedAt: expect.any(Date) }],
    });
    expect(await planAcknowledgments(s.student, planId)).toBeNull();
    await expect(planAcknowledgments(s.otherGuardian, planId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("asks again when the plan changes: the old version is refused as stale, the new one is a second row", async () => {
    const before = await latestVersion(planId);
    const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
    await transitionPlan(s.teacher, { planId, version, transition: "sendBack", note: "Add a goal for the spring." });
    await step(s.student, planId, "submit");
    await step(s.teacher, planId, "approve");
    const after = await latestVersion(planId);
    expect(after).toBeGreaterThan(before);
    expect(await planAcknowledgments(s.guardian, planId)).toMatchObject({ guardian: { canAcknowledge: true } });
    await expect(acknowledgePlan(s.guardian, { planId, version: before })).rejects.toBeInstanceOf(ConflictError);
    await acknowledgePlan(s.guardian, { planId, version: after });
    const rows = await db.guardianAcknowledgment.findMany({ where: { planId }, orderBy: { planVersion: "asc" } });
    expect(rows.map((r) => r.planVersion)).toEqual([before, after]);
  });

  it("refuses a completed plan", async () => {
    const { id } = await activePlan(s.student, s.teacher, [[]], "Finished plan");
    await step(s.teacher, id, "complete");
    await expect(acknowledgePlan(s.guardian, { planId: id, version: await latestVersion(id) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/commands";
import plansEn from "@/messages/en/plans.json";
import { makeSchool, planInput } from "@/test/fixtures";
import { REVISION_KIND_LABEL } from "./change-policy";
import { createPlan, transitionPlan, updatePlan } from "./commands";
import { compareRevisions, latestPlanForm, listRevisions, restoreRevision } from "./history";
import { getPlan, planFormValues } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const versionOf = async (planId: string) => (await db.plan.findUniqueOrThrow({ where: { id: planId } })).version;
const rename = async (actor: Actor, planId: string, title: string) =>
  updatePlan(actor, { planId, version: await versionOf(planId), plan: { ...planFormValues(await getPlan(actor, planId)), title } });
const move = async (actor: Actor, planId: string, transition: "submit" | "approve") =>
  transitionPlan(actor, { planId, version: await versionOf(planId), transition, note: "" });

describe("plan history", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await createPlan(s.student, planInput({ title: "First title", summary: "A calm river." }))).id;
    await rename(s.student, planId, "Second title");
  });

  it("is listed, newest first, for the student, their teacher and admins; restoring only for editors", async () => {
    // A draft never submitted is the student's own: the family finds no history of it.
    await expect(listRevisions(s.guardian, planId)).rejects.toThrow("not found");
    for (const [actor, restore] of [
      [s.student, true],
      [s.teacher, true],
      [s.admin, false],
      [s.districtAdmin, false],
    ] as const) {
      const h = await listRevisions(actor, planId);
      expect(h.revisions.map((r) => [r.number, r.kind, r.author])).toEqual([
        [2, "EDITED", "Sam Student"],
        [1, "CREATED", "Sam Student"],
      ]);
      expect(h.revisions[0]?.kindLabel).toBe("Edited");
      // Pages word the kind from the catalogue (history.kind): in English, every kind reads as its label.
      expect(plansEn.history.kind).toEqual(REVISION_KIND_LABEL);
      expect(h.allowed.restore).toBe(restore);
    }
  });

  it("is not found for a classmate, another teacher, another guardian or another district", async () => {
    for (const actor of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin, s.otherStudent]) {
      await expect(listRevisions(actor, planId)).rejects.toThrow("not found");
      await expect(compareRevisions(actor, planId, 1, 2)).rejects.toThrow("not found");
      await expect(latestPlanForm(actor, planId)).rejects.toThrow("not found");
    }
  });

  it("pages through a long history by revision number", async () => {
    const h = await listRevisions(s.student, planId, { before: 2 });
    expect(h.revisions.map((r) => r.number)).toEqual([1]);
    expect(h.nextBefore).toBeNull();
  });

  it("compares two revisions field by field, and refuses a revision that does not exist", async () => {
    const c = await compareRevisions(s.admin, planId, 1, 2);
    expect(c.diff.fields).toEqual([expect.objectContaining({ field: "title", before: "First title", after: "Second title" })]);
    expect(c.diff.fields[0]?.parts).toEqual([
      { text: "First", change: "removed" },
      { text: "Second", change: "added" },
      { text: " title", change: "same" },
    ]);
    await expect(compareRevisions(s.student, planId, 1, 99)).rejects.toThrow("Version 99 was not found");
  });

  it("gives the latest saved content and version for the merge view", async () => {
    const latest = await latestPlanForm(s.teacher, planId);
    expect(latest.version).toBe(await versionOf(planId));
    expect(latest.content).toMatchObject({ title: "Second title", goals: [{ title: "Write an argument" }] });
  });

  it("restores a past revision as a new one with the same content, an event and an audit entry", async () => {
    await expect(restoreRevision(s.guardian, { planId, version: await versionOf(planId), number: 1 })).rejects.toThrow("not found");
    for (const actor of [s.admin]) {
      await expect(restoreRevision(actor, { planId, version: await versionOf(planId), number: 1 })).rejects.toThrow(
        "cannot be changed now",
      );
    }
    await expect(restoreRevision(s.classmate, { planId, version: await versionOf(planId), number: 1 })).rejects.toThrow("not found");
    await expect(restoreRevision(s.student, { planId, version: (await versionOf(planId)) - 1, number: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(restoreRevision(s.student, { planId, version: await versionOf(planId), number: 42 })).rejects.toThrow("not found");

    const result = await restoreRevision(s.student, { planId, version: await versionOf(planId), number: 1 });
    expect(result.number).toBe(3);
    const revisions = await db.planRevision.findMany({ where: { planId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.kind)).toEqual(["CREATED", "EDITED", "RESTORED"]);
    expect(revisions[2]?.contentHash).toBe(revisions[0]?.contentHash);
    expect((await db.plan.findUniqueOrThrow({ where: { id: planId } })).title).toBe("First title");
    expect(await db.planEvent.findFirst({ where: { planId, kind: "REVISION_RESTORED" } })).toMatchObject({ actorId: s.student.id });
    expect(await db.auditEvent.findFirst({ where: { entityId: planId, action: "plan.restore" } })).toMatchObject({
      detail: { restored: 1, as: 3 },
    });
  });

  it("is refused while the plan is active, even to its student", async () => {
    const id = (await createPlan(s.student, planInput({ title: "Active one" }))).id;
    await rename(s.student, id, "Active one, renamed");
    await move(s.student, id, "submit");
    await move(s.teacher, id, "approve");
    for (const actor of [s.student, s.teacher]) {
      await expect(restoreRevision(actor, { planId: id, version: await versionOf(id), number: 1 })).rejects.toThrow(
        "cannot be changed now",
      );
    }
  });

  it("refuses to restore a revision without a goal that has evidence now, and changes nothing", async () => {
    const id = (await createPlan(s.student, planInput({ title: "Evidence kept" }))).id;
    const base = planFormValues(await getPlan(s.student, id));
    await updatePlan(s.student, {
      planId: id,
      version: await versionOf(id),
      plan: { ...base, goals: [...base.goals, { ...base.goals[0]!, id: undefined, title: "Build a water wheel" }] },
    });
    await move(s.student, id, "submit");
    await move(s.teacher, id, "approve");
    const wheel = await db.goal.findFirstOrThrow({ where: { planId: id, title: "Build a water wheel" } });
    await addEvidence(s.student, {
      planId: id,
      goalId: wheel.id,
      kind: "TEXT",
      title: "Wheel photo",
      text: "It turns",
      url: "",
      reflection: "",
    });
    // Changes were requested later (as a teacher sending it back would): the student may edit again.
    await db.plan.update({ where: { id }, data: { status: "CHANGES_REQUESTED" } });
    const version = await versionOf(id);
    await expect(restoreRevision(s.student, { planId: id, version, number: 1 })).rejects.toThrow(
      "it does not have the goal “Build a water wheel”, which has evidence now",
    );
    expect(await versionOf(id)).toBe(version);
    expect(await db.goal.count({ where: { planId: id } })).toBe(2);
    expect(await db.planRevision.count({ where: { planId: id, kind: "RESTORED" } })).toBe(0);
  });
});

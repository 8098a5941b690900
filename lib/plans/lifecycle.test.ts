// A plan that can change without losing anything: withdraw, send back, reopen, delete and
// restore a draft, and plans a teacher starts for a student. Each rule is tried by the
// student, a classmate, their teacher, another teacher, their guardian, the school admin
// and the district admin.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { evidenceVisibleTo } from "@/lib/evidence/access";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { listStudents, organizationOverview } from "@/lib/people/queries";
import { makeSchool, planInput } from "@/test/fixtures";
import { createPlan, createPlanForStudent, transitionPlan, updatePlan } from "./commands";
import { isBeingRevised, planStatusText } from "./labels";
import { getPlan, listPlans, listReviewQueue, planFormValues } from "./queries";
import { deletePlan, listDeletedPlans, purgeDeletedPlans, restorePlan } from "./trash";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const DAY = 86_400_000;
const version = async (planId: string) => (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
const move = async (actor: Actor, planId: string, transition: string, note = "") =>
  transitionPlan(actor, { planId, version: await version(planId), transition, note });
const remove = async (actor: Actor, planId: string) => deletePlan(actor, { planId, version: await version(planId) });

async function planAt(status: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "ACTIVE" | "COMPLETED", title = `Plan ${status}`) {
  const id = (await createPlan(s.student, planInput({ title }))).id;
  if (status === "DRAFT") return id;
  await move(s.student, id, "submit");
  if (status === "SUBMITTED") return id;
  await move(s.teacher, id, "startReview");
  if (status === "IN_REVIEW") return id;
  await move(s.teacher, id, "approve", "Approved");
  if (status === "ACTIVE") return id;
  await move(s.teacher, id, "complete");
  return id;
}

/** Everyone but the one allowed, with what they get: not found when they cannot see the plan, forbidden when they can. */
const others = () =>
  [
    ["the student", s.student, ForbiddenError],
    ["a classmate", s.classmate, NotFoundError],
    ["their teacher", s.teacher, ForbiddenError],
    ["another teacher", s.otherTeacher, NotFoundError],
    ["their guardian", s.guardian, ForbiddenError],
    ["the school admin", s.admin, ForbiddenError],
    ["the district admin", s.districtAdmin, ForbiddenError],
    ["an admin of another district", s.otherAdmin, NotFoundError],
  ] as const;

describe("withdrawing a submission", () => {
  it("the student takes a submitted plan back to draft, and their teachers are told", async () => {
    const id = await planAt("SUBMITTED", "Withdraw me");
    expect((await getPlan(s.student, id)).allowed.transitions).toEqual(["withdraw"]);
    await move(s.student, id, "withdraw", "I want to add a goal first.");
    const plan = await getPlan(s.student, id);
    expect(plan.status).toBe("DRAFT");
    expect(plan.allowed.edit).toBe(true);
    expect(plan.events.at(-1)).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "DRAFT", note: "I want to add a goal first." });
    expect(isBeingRevised(plan)).toBe(false);
    const told = await listNotifications(s.teacher);
    expect(told.items.find((n) => n.href === `/plans/${id}` && n.title.includes("withdrew"))?.title).toBe(
      `Sam Student withdrew “Withdraw me” from review`,
    );
  });

  it("is refused to everyone else", async () => {
    const id = await planAt("SUBMITTED");
    for (const [who, actor, error] of others()) {
      if (actor === s.student) continue;
      await expect(move(actor, id, "withdraw"), who).rejects.toBeInstanceOf(error);
    }
    expect((await getPlan(s.student, id)).status).toBe("SUBMITTED");
  });

  it("is refused once a teacher has started the review", async () => {
    const id = await planAt("IN_REVIEW");
    expect((await getPlan(s.student, id)).allowed.transitions).toEqual([]);
    const error = await move(s.student, id, "withdraw").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toContain("started reviewing");
    expect((await getPlan(s.student, id)).status).toBe("IN_REVIEW");
  });
});

describe("sending an active plan back to draft", () => {
  let id: string;
  let goalId: string;
  beforeAll(async () => {
    id = await planAt("ACTIVE", "Send me back");
    goalId = (await getPlan(s.student, id)).goals[0]!.id;
    const evidence = await addEvidence(s.student, {
      planId: id,
      goalId,
      kind: "TEXT",
      title: "My essay",
      text: "Three reasons.",
      url: "",
      reflection: "",
    });
    await rateEvidence(s.teacher, { evidenceId: evidence.id, goalId, levelId: s.levels.PROFICIENT, feedback: "Good reasons." });
    await db.comment.create({ data: { planId: id, goalId, authorId: s.teacher.id, body: "Keep going." } });
  });

  it("needs a reason", async () => {
    const error = await move(s.teacher, id, "sendBack", "  ").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((i) => i.message)).toEqual(["plans.validation.reasonRequired"]);
  });

  it("is refused to everyone but the student's teacher", async () => {
    for (const [who, actor, error] of others()) {
      if (actor === s.teacher) continue;
      await expect(move(actor, id, "sendBack", "Because"), who).rejects.toBeInstanceOf(error);
    }
    expect((await getPlan(s.student, id)).status).toBe("ACTIVE");
  });

  it("keeps evidence, ratings and comments; the family sees 'being revised' and is told", async () => {
    await move(s.teacher, id, "sendBack", "Your dates no longer fit the term.");
    const plan = await getPlan(s.guardian, id);
    expect(plan.status).toBe("DRAFT");
    expect(plan.approvedAt).not.toBeNull();
    expect(planStatusText(plan)).toBe("Draft · being revised");
    expect(plan.goals[0]!.evidence).toHaveLength(1);
    expect(plan.goals[0]!.evidence[0]!.ratings.map((r) => r.feedback)).toEqual(["Good reasons."]);
    expect(plan.goals[0]!.mastery?.level?.name).toBe("Proficient");
    expect(await db.comment.count({ where: { planId: id } })).toBe(1);
    // The family's list says so too, not "approved" or "active".
    const listed = (await listPlans(s.guardian, { page: 1 })).items.find((p) => p.id === id);
    expect(listed && planStatusText(listed)).toBe("Draft · being revised");
    const told = await listNotifications(s.guardian);
    expect(told.items.some((n) => n.title === "Tess Teacher sent “Send me back” back to draft: it is being revised")).toBe(true);
    expect(told.items.find((n) => n.title.includes("sent “Send me back”"))?.body).toBe("Your dates no longer fit the term.");
    expect((await listNotifications(s.student)).items.some((n) => n.title.includes("sent “Send me back” back"))).toBe(true);
  });

  it("the student edits it again, but cannot drop a goal that has evidence", async () => {
    const plan = await getPlan(s.student, id);
    expect(plan.allowed.edit).toBe(true);
    expect(plan.allowed.delete).toBe(false);
    const values = planFormValues(plan);
    await updatePlan(s.student, { planId: id, version: plan.version, plan: { ...values, title: "Send me back, revised" } });
    const other = { ...planInput().goals[0]!, title: "A different goal" };
    await expect(
      updatePlan(s.student, { planId: id, version: await version(id), plan: { ...values, goals: [other] } }),
    ).rejects.toBeInstanceOf(InputError);
    // Never deleted: an approved plan is part of the record.
    await expect(remove(s.student, id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is no longer 'being revised' once approved again", async () => {
    await move(s.student, id, "submit");
    expect(planStatusText(await getPlan(s.guardian, id))).toBe("Waiting for review · being revised");
    await move(s.teacher, id, "approve");
    const plan = await getPlan(s.guardian, id);
    expect([plan.status, planStatusText(plan), plan.goals[0]!.evidence.length]).toEqual(["ACTIVE", "Active", 1]);
  });
});

describe("reopening a completed plan", () => {
  it("needs a reason, and only the student's teacher may", async () => {
    const id = await planAt("COMPLETED", "Reopen me");
    await expect(move(s.teacher, id, "reopen", "")).rejects.toBeInstanceOf(z.ZodError);
    for (const [who, actor, error] of others()) {
      if (actor === s.teacher) continue;
      await expect(move(actor, id, "reopen", "Because"), who).rejects.toBeInstanceOf(error);
    }
    const before = await db.plan.findUniqueOrThrow({ where: { id } });
    expect((await getPlan(s.teacher, id)).allowed.transitions).toEqual(["reopen"]);
    await move(s.teacher, id, "reopen", "One more piece of evidence for goal 1.");
    const after = await db.plan.findUniqueOrThrow({ where: { id } });
    expect([after.status, after.completedAt, after.approvedAt, after.approvedById]).toEqual([
      "ACTIVE",
      null,
      before.approvedAt,
      before.approvedById,
    ]);
    // Reopening is not an approval: no new approved revision.
    expect(await db.planRevision.count({ where: { planId: id, kind: "APPROVED" } })).toBe(1);
    const plan = await getPlan(s.student, id);
    expect(plan.allowed.addEvidence).toBe(true);
    expect((await listNotifications(s.guardian)).items.some((n) => n.title === "Tess Teacher reopened “Reopen me”")).toBe(true);
  });
});

describe("deleting a draft", () => {
  it("only the student deletes, and only a draft that was never approved", async () => {
    const id = await planAt("DRAFT", "Not yours to delete");
    for (const [who, actor, error] of others()) {
      if (actor === s.student) continue;
      // A draft never submitted is the student's own: their family does not find it.
      await expect(remove(actor, id), who).rejects.toBeInstanceOf(actor === s.guardian ? NotFoundError : error);
    }
    for (const status of ["SUBMITTED", "IN_REVIEW", "ACTIVE", "COMPLETED"] as const) {
      await expect(remove(s.student, await planAt(status)), status).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(deletePlan(s.student, { planId: id, version: (await version(id)) + 5 })).rejects.toBeInstanceOf(ConflictError);
    expect((await getPlan(s.student, id)).allowed.delete).toBe(true);
    expect((await getPlan(s.teacher, id)).allowed.delete).toBe(false);
  });

  describe("a deleted draft", () => {
    let id: string;
    beforeAll(async () => {
      id = await planAt("DRAFT", "Deleted draft");
      await db.notification.create({ data: { userId: s.student.id, type: "COMMENT_ADDED", actorId: s.teacher.id, planId: id } });
      // Evidence cannot be added to a draft; one is put there directly to prove it hides with its plan.
      await db.evidence.create({ data: { planId: id, studentId: s.student.id, kind: "TEXT", title: "Stray", text: "x" } });
      expect(await unreadCount(s.student)).toBeGreaterThan(0);
      await remove(s.student, id);
    });

    it("disappears for everyone: single reads, lists, the queue, counts, evidence and notifications", async () => {
      for (const [who, actor] of others()) {
        await expect(getPlan(actor, id), who).rejects.toBeInstanceOf(NotFoundError);
        const all = await listPlans(actor, { page: 1, scope: "all" }).catch(() => ({ items: [] as { id: string }[] }));
        expect(
          all.items.map((p) => p.id),
          who,
        ).not.toContain(id);
        expect(await db.evidence.count({ where: { AND: [evidenceVisibleTo(actor), { planId: id }] } }), who).toBe(0);
      }
      expect((await listReviewQueue(s.teacher, 1)).items.map((p) => p.id)).not.toContain(id);
      const notes = await listNotifications(s.student);
      expect(notes.items.map((n) => n.href)).not.toContain(`/plans/${id}`);
      const row = (await listStudents(s.teacher, 1)).items.find((x) => x.id === s.student.id);
      expect(row?.planCount).toBe(await db.plan.count({ where: { studentId: s.student.id, deletedAt: null } }));
      const overview = await organizationOverview(s.admin);
      const drafts = await db.plan.count({ where: { schoolId: s.school.id, status: "DRAFT", deletedAt: null } });
      expect(overview.plans.DRAFT).toBe(drafts);
      // Writes find nothing either.
      await expect(move(s.student, id, "submit")).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updatePlan(s.student, { planId: id, version: await version(id), plan: planInput({ title: "Still here?" }) }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(remove(s.student, id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("is listed under Recently deleted for its student only", async () => {
      expect((await listDeletedPlans(s.student, 1)).items.map((p) => p.id)).toContain(id);
      for (const [who, actor] of others()) {
        if (actor === s.student) continue;
        expect((await listDeletedPlans(actor, 1)).items, who).toEqual([]);
        await expect(restorePlan(actor, { planId: id }), who).rejects.toBeInstanceOf(NotFoundError);
      }
    });

    it("comes back whole when its student restores it, with both steps on its history", async () => {
      await restorePlan(s.student, { planId: id });
      const plan = await getPlan(s.teacher, id);
      expect([plan.status, plan.title, plan.goals.length]).toEqual(["DRAFT", "Deleted draft", 1]);
      expect(plan.events.map((e) => e.kind).slice(-2)).toEqual(["DELETED", "UNDELETED"]);
      expect((await listDeletedPlans(s.student, 1)).items.map((p) => p.id)).not.toContain(id);
      await expect(restorePlan(s.student, { planId: id })).rejects.toBeInstanceOf(NotFoundError);
      const audit = await db.auditEvent.findMany({ where: { entityId: id, action: { in: ["plan.delete", "plan.restore"] } } });
      expect(audit.map((a) => a.action).sort()).toEqual(["plan.delete", "plan.restore"]);
    });
  });

  it("can be restored for 30 days, then no more, and is purged after 30 days only", async () => {
    const now = new Date();
    const recent = await planAt("DRAFT", "Deleted 29 days ago");
    const old = await planAt("DRAFT", "Deleted 31 days ago");
    const kept = await planAt("DRAFT", "Never deleted");
    await remove(s.student, recent);
    await remove(s.student, old);
    await db.plan.update({ where: { id: recent }, data: { deletedAt: new Date(now.getTime() - 29 * DAY) } });
    await db.plan.update({ where: { id: old }, data: { deletedAt: new Date(now.getTime() - 31 * DAY) } });

    const listed = (await listDeletedPlans(s.student, 1, now)).items.map((p) => p.id);
    expect(listed).toContain(recent);
    expect(listed).not.toContain(old);
    await expect(restorePlan(s.student, { planId: old })).rejects.toBeInstanceOf(NotFoundError);

    expect(await purgeDeletedPlans(now)).toBeGreaterThanOrEqual(1);
    expect(await db.plan.count({ where: { id: old } })).toBe(0);
    expect(await db.goal.count({ where: { planId: old } })).toBe(0);
    expect(await db.plan.count({ where: { id: { in: [recent, kept] } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: old, action: "plan.purge" } })).toBe(1);
    // A purge a day later takes the next one.
    await purgeDeletedPlans(new Date(now.getTime() + 2 * DAY));
    expect(await db.plan.count({ where: { id: recent } })).toBe(0);
    expect(await db.plan.count({ where: { id: kept } })).toBe(1);
  });

  it("a purge never removes a plan that was approved, even if marked deleted", async () => {
    const id = await planAt("ACTIVE", "Approved, wrongly marked");
    await db.plan.update({ where: { id }, data: { status: "DRAFT", deletedAt: new Date(Date.now() - 90 * DAY) } });
    await purgeDeletedPlans();
    expect(await db.plan.count({ where: { id } })).toBe(1);
  });
});

describe("a plan a teacher starts for a student", () => {
  it("belongs to the student, at the school the teacher teaches them at; the student edits, submits or deletes it", async () => {
    const { id } = await createPlanForStudent(s.teacher, { studentId: s.student.id, plan: planInput({ title: "Started by Tess" }) });
    const row = await db.plan.findUniqueOrThrow({ where: { id } });
    expect([row.studentId, row.createdById, row.schoolId, row.status]).toEqual([s.student.id, s.teacher.id, s.school.id, "DRAFT"]);
    expect((await listPlans(s.student, { page: 1 })).items.map((p) => p.id)).toContain(id);
    const plan = await getPlan(s.student, id);
    expect(plan.allowed).toMatchObject({ edit: true, delete: true, transitions: ["submit"] });
    await updatePlan(s.student, { planId: id, version: plan.version, plan: planInput({ title: "Started by Tess, made mine" }) });
    await move(s.student, id, "submit");
    expect((await getPlan(s.teacher, id)).title).toBe("Started by Tess, made mine");
    const told = await listNotifications(s.student);
    // Rendered when read, so it names the plan as it is now.
    expect(told.items.some((n) => n.title === "Tess Teacher started “Started by Tess, made mine” for you")).toBe(true);
  });

  it("a teacher at another school starts one at their own school", async () => {
    const { id } = await createPlanForStudent(s.teacherB, { studentId: s.childB.id, plan: planInput() });
    expect((await db.plan.findUniqueOrThrow({ where: { id } })).schoolId).toBe(s.schoolB.id);
  });

  it("is refused for a student the teacher does not teach, and to anyone who is not a teacher of theirs", async () => {
    const attempts: [string, Actor, string][] = [
      ["another teacher", s.otherTeacher, s.student.id],
      ["a teacher, for a student they do not teach", s.teacher, s.strangerStudent.id],
      ["a teacher, for a student at another school", s.teacher, s.childB.id],
      ["a teacher, for a student in another district", s.teacher, s.otherStudent.id],
      ["a teacher at school B, for a student at school A", s.teacherB, s.student.id],
      ["the school admin", s.admin, s.student.id],
      ["the district admin", s.districtAdmin, s.student.id],
      ["their guardian", s.guardian, s.student.id],
      ["a classmate", s.classmate, s.student.id],
      ["the student, for themself", s.student, s.student.id],
      ["a teacher, for a teacher", s.teacher, s.otherTeacher.id],
    ];
    const before = await db.plan.count();
    for (const [who, actor, studentId] of attempts) {
      await expect(createPlanForStudent(actor, { studentId, plan: planInput() }), who).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.plan.count()).toBe(before);
  });

  it("is refused once the student's enrollment has ended", async () => {
    const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: s.classmate.id, classId: s.classA.id } });
    await db.enrollment.update({ where: { id: enrollment.id }, data: { endsOn: new Date(Date.now() - 2 * DAY) } });
    await expect(createPlanForStudent(s.teacher, { studentId: s.classmate.id, plan: planInput() })).rejects.toBeInstanceOf(NotFoundError);
    await db.enrollment.update({ where: { id: enrollment.id }, data: { endsOn: null } });
  });
});

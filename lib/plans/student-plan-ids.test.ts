// The ids a page about one student filters its lists by (visiblePlanIdsOf, and the agreements'
// visibleAgreementPlanIdsOf) are exactly what the access rules give: for the student, their
// family (no draft never submitted, but an agreement sent on one), their teachers, the admin, a
// person with two roles acting in either, and people with no relationship at all.
import { beforeAll, describe, expect, it } from "vitest";
import { saveAgreement, sendForSignatures, startAgreement } from "@/lib/agreements/commands";
import { agreementsVisibleTo, visibleAgreementPlanIdsOf } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { actorOf, makeSchool, planInput } from "@/test/fixtures";
import { step } from "@/test/plans";
import { plansVisibleTo, visiblePlanIdsOf } from "./access";
import { createPlan } from "./commands";
import { listPlans } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
let ids: { draft: string; submitted: string; study: string; deleted: string };
let dual: { asTeacher: Actor; asGuardian: Actor };

beforeAll(async () => {
  s = await makeSchool();
  const draft = await createPlan(s.student, planInput({ title: "Draft" }));
  const submitted = await createPlan(s.student, planInput({ title: "Submitted" }));
  await step(s.student, submitted.id, "submit");
  const deleted = await createPlan(s.student, planInput({ title: "Deleted" }));
  await step(s.student, deleted.id, "submit");
  await db.plan.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  // An independent study plan still in draft whose agreement was sent: the family may read the agreement.
  await prepareIndependentStudy(s, [s.student]);
  const study = await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title: "Study away" }));
  await startAgreement(s.teacher, { planId: study.id });
  const version = async () => (await db.studyAgreement.findUniqueOrThrow({ where: { planId: study.id } })).version;
  await saveAgreement(s.teacher, {
    planId: study.id,
    version: await version(),
    elements: completeAgreement(),
    supervisingTeacherId: s.teacher.id,
    assistants: [],
  });
  await sendForSignatures(s.teacher, { planId: study.id, version: await version() });
  ids = { draft: draft.id, submitted: submitted.id, study: study.id, deleted: deleted.id };

  // The other teacher (who does not teach Sam) is also Sam's guardian.
  await db.guardianLink.create({
    data: { districtId: s.district.id, guardianId: s.otherTeacher.id, studentId: s.student.id },
  });
  const guardianMembership = await db.membership.create({
    data: { userId: s.otherTeacher.id, organizationId: s.school.id, districtId: s.district.id, role: "GUARDIAN" },
  });
  const teacherMembership = s.otherTeacher.memberships.find((m) => m.role === "TEACHER")!;
  dual = {
    asTeacher: await actorOf(s.otherTeacher.id, teacherMembership.id),
    asGuardian: await actorOf(s.otherTeacher.id, guardianMembership.id),
  };
});

const sorted = (xs: string[]) => [...xs].sort();
async function byRule(actor: Actor, scope: "all" | "acting") {
  const rows = await db.plan.findMany({
    where: { AND: [plansVisibleTo(actor, scope), { studentId: s.student.id }] },
    select: { id: true },
  });
  return sorted(rows.map((r) => r.id));
}

describe("a student's plans the actor may see, as ids", () => {
  it("are the access rule's plans for everyone, in either scope", async () => {
    const people = [
      s.student,
      s.guardian,
      s.otherGuardian,
      s.teacher,
      s.otherTeacher,
      s.admin,
      s.strangerStudent,
      dual.asTeacher,
      dual.asGuardian,
    ];
    for (const actor of people) {
      for (const scope of ["all", "acting"] as const) {
        expect(sorted(await visiblePlanIdsOf(actor, s.student.id, scope))).toEqual(await byRule(actor, scope));
      }
    }
  });

  it("say what each relationship allows: all but the deleted one for the student, never the draft for the family", async () => {
    const of = async (actor: Actor, scope: "all" | "acting" = "all") => sorted(await visiblePlanIdsOf(actor, s.student.id, scope));
    expect(await of(s.student)).toEqual(sorted([ids.draft, ids.submitted, ids.study]));
    expect(await of(s.guardian)).toEqual([ids.submitted]);
    expect(await of(s.otherGuardian)).toEqual([]);
    expect(await of(s.strangerStudent)).toEqual([]);
    // Two roles: as a guardian only what the family sees; "all" adds nothing a teacher of others could see.
    expect(await of(dual.asGuardian, "acting")).toEqual([ids.submitted]);
    expect(await of(dual.asTeacher, "acting")).toEqual([]);
    expect(await of(dual.asTeacher, "all")).toEqual([ids.submitted]);
  });

  it("are what a list of the student's plans shows", async () => {
    const listed = async (actor: Actor, scope: "all" | "acting") =>
      sorted((await listPlans(actor, { page: 1, studentId: s.student.id, scope })).items.map((p) => p.id));
    expect(await listed(s.guardian, "acting")).toEqual([ids.submitted]);
    expect(await listed(dual.asTeacher, "acting")).toEqual([]);
    // The count is theirs too (the ids, when no status narrows them).
    const total = async (actor: Actor, status?: "DRAFT" | "SUBMITTED") =>
      (await listPlans(actor, { page: 1, studentId: s.student.id, scope: "all", status })).total;
    expect([await total(s.student), await total(s.student, "DRAFT"), await total(s.student, "SUBMITTED")]).toEqual([3, 2, 1]);
    expect([await total(s.guardian), await total(s.guardian, "DRAFT")]).toEqual([1, 0]);
    expect(await total(s.otherGuardian)).toBe(0);
  });

  it("list the same summaries by id as through the rule: order, goals' progress and count", async () => {
    // One of the submitted plan's goals proficient, so the progress has something to count.
    const goal = await db.goal.findFirstOrThrow({ where: { planId: ids.submitted }, select: { id: true } });
    await db.goalMastery.create({ data: { goalId: goal.id, proficient: true, ratingCount: 1, lastRatedAt: new Date() } });
    // The student sees only their own plans, so their whole list through the rule is the list of their plans by id.
    for (const status of [undefined, "SUBMITTED", "DRAFT"] as const) {
      const ruled = await listPlans(s.student, { page: 1, scope: "all", status });
      expect(await listPlans(s.student, { page: 1, studentId: s.student.id, scope: "all", status })).toEqual(ruled);
    }
    const submitted = (await listPlans(s.student, { page: 1, studentId: s.student.id, scope: "all" })).items.find(
      (p) => p.id === ids.submitted,
    );
    expect(submitted?.progress).toEqual({ mastered: 1, total: 1, percent: 100 });
    expect(submitted?.student).toEqual({ id: s.student.id, name: s.student.name });
  });
});

describe("a student's agreements the actor may see, as their plans' ids", () => {
  it("are the agreements' access rule, the family's sent agreement on a draft plan included", async () => {
    for (const actor of [s.student, s.guardian, s.otherGuardian, s.teacher, s.otherTeacher, s.admin, dual.asGuardian]) {
      const rows = await db.studyAgreement.findMany({
        where: { AND: [agreementsVisibleTo(actor), { plan: { studentId: s.student.id } }] },
        select: { planId: true },
      });
      expect(sorted(await visibleAgreementPlanIdsOf(actor, s.student.id))).toEqual(sorted(rows.map((r) => r.planId)));
    }
    expect(await visibleAgreementPlanIdsOf(s.guardian, s.student.id)).toEqual([ids.study]);
    expect(await visibleAgreementPlanIdsOf(s.otherGuardian, s.student.id)).toEqual([]);
  });
});

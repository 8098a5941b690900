// Memberships, tenancy and deleting people.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { InputError, NotFoundError } from "@/lib/errors";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { listNotifications } from "@/lib/notifications/queries";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { plansVisibleTo } from "@/lib/plans/access";
import { getPlan, listPlans } from "@/lib/plans/queries";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import { deletePerson, linkGuardian } from "./commands";
import { getStudent, listChildren, listStudents } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

async function activePlan(student = s.student, teacher = s.teacher, title = "Plan") {
  const { id } = await createPlan(student, planInput({ title }));
  for (const [actor, transition] of [
    [student, "submit"],
    [teacher, "approve"],
  ] as const) {
    const { version } = await db.plan.findUniqueOrThrow({ where: { id } });
    await transitionPlan(actor, { planId: id, version, transition, note: "" });
  }
  return id;
}

describe("a person with two memberships", () => {
  let taughtPlan: string; // a plan of Otto's math student at school A
  let childPlan: string; // his daughter's plan at school B
  let othersPlans: string[];
  beforeAll(async () => {
    taughtPlan = (await createPlan(s.strangerStudent, planInput({ title: "Taught by Otto" }))).id;
    childPlan = (await createPlan(s.childB, planInput({ title: "Bea's plan" }))).id;
    othersPlans = [
      (await createPlan(s.student, planInput({ title: "Tess's student" }))).id,
      (await createPlan(s.otherStudent, planInput({ title: "Other district" }))).id,
    ];
    // A classmate of his daughter at school B, whom he neither teaches nor parents.
    const classmateB = await person(s.schoolB, "STUDENT", "Bo Classmate");
    await db.enrollment.create({ data: { classId: s.classSchoolB.id, userId: classmateB.id, role: "STUDENT" } });
    othersPlans.push((await createPlan(classmateB, planInput({ title: "Bea's classmate" }))).id);
    // Submitted, so that a family follows them (a draft is the student's own): what hides the
    // others from Otto is then his relationships, not their status. His student's plan stays a draft.
    for (const [student, planId] of [
      [s.childB, childPlan],
      [s.student, othersPlans[0]],
      [s.otherStudent, othersPlans[1]],
      [classmateB, othersPlans[2]],
    ] as const) {
      await transitionPlan(student, { planId: planId!, version: 1, transition: "submit", note: "" });
    }
  });

  it("sees exactly the union of what each membership grants, and no more", async () => {
    const otto = s.teacherParent;
    expect(otto.memberships.map((m) => m.role).sort()).toEqual(["GUARDIAN", "TEACHER"]);
    expect((await getPlan(otto, taughtPlan)).title).toBe("Taught by Otto");
    expect((await getPlan(otto, childPlan)).title).toBe("Bea's plan");
    for (const id of othersPlans) await expect(getPlan(otto, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudent(otto, s.student.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getStudent(otto, s.childB.id)).name).toBe("Bea Child");
  });

  it("may do on each record only what the relationship to it allows", async () => {
    const otto = s.teacherParent;
    // His daughter's plan: a parent reads, never edits or reviews, whatever he acts as.
    const child = await getPlan(otto, childPlan);
    expect(child.allowed).toMatchObject({ edit: false, transitions: [], comment: false });
    // His student's plan: a teacher co-edits drafts.
    expect((await getPlan(otto, taughtPlan)).allowed.edit).toBe(true);
  });

  it("lists what the membership they act in grants, and switching changes it", async () => {
    const asTeacher = s.teacherParent;
    const guardianship = asTeacher.memberships.find((m) => m.role === "GUARDIAN");
    const asParent = await actorOf(asTeacher.id, guardianship?.id);
    expect(asParent.acting.role).toBe("GUARDIAN");

    const teacherList = (await listPlans(asTeacher, { page: 1 })).items.map((p) => p.id);
    expect(teacherList).toContain(taughtPlan);
    expect(teacherList).not.toContain(childPlan);
    expect((await listStudents(asTeacher, 1)).items.map((st) => st.id)).toEqual([s.strangerStudent.id]);
    // Plans are counted by the simpler rule for taught students: the same plans as the full rule.
    for (const teacher of [asTeacher, s.teacher]) {
      for (const row of (await listStudents(teacher, 1)).items) {
        const visible = await db.plan.count({ where: { AND: [plansVisibleTo(teacher, "acting"), { studentId: row.id }] } });
        expect(row.planCount, row.name).toBe(visible);
      }
    }

    const parentList = (await listPlans(asParent, { page: 1 })).items.map((p) => p.id);
    expect(parentList).toEqual([childPlan]);
    expect((await listChildren(asParent)).map((c) => c.id)).toEqual([s.childB.id]);
    expect(await listChildren(asTeacher)).toEqual([]);
  });

  it("loses what a membership granted once it ends", async () => {
    const extra = await person(s.school, "TEACHER", "Short Stay");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: extra.id, role: "TEACHER" } });
    const plan = (await createPlan(s.classmate, planInput({ title: "Seen while teaching" }))).id;
    expect((await getPlan(extra, plan)).id).toBe(plan);
    // Ending an enrollment (a roster removal) takes the access away and deletes nothing.
    await db.enrollment.updateMany({ where: { userId: extra.id }, data: { endsOn: new Date("2020-01-01") } });
    await expect(getPlan(await actorOf(extra.id), plan)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.plan.count({ where: { id: plan } })).toBe(1);
  });
});

describe("district boundaries", () => {
  it("a district admin sees every school in the district, a school admin only theirs", async () => {
    const bPlan = (await createPlan(s.childB, planInput({ title: "Seen by the district" }))).id;
    expect((await getPlan(s.districtAdmin, bPlan)).id).toBe(bPlan);
    await expect(getPlan(s.admin, bPlan)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(s.otherAdmin, bPlan)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a guardian link across districts, in the command and in the schema", async () => {
    const outsider = await person(s.otherSchool, "GUARDIAN", "Out Sider");
    await expect(linkGuardian(s.admin, { guardianId: outsider.id, studentId: s.student.id, relationship: "Aunt" })).rejects.toBeInstanceOf(
      InputError,
    );
    // Even a write that skips the command cannot make one: the composite keys refuse it.
    await expect(
      db.guardianLink.create({ data: { districtId: s.district.id, guardianId: outsider.id, studentId: s.student.id } }),
    ).rejects.toThrow();
    await expect(
      db.guardianLink.create({ data: { districtId: s.other.id, guardianId: outsider.id, studentId: s.student.id } }),
    ).rejects.toThrow();
    expect(await db.guardianLink.count({ where: { guardianId: outsider.id } })).toBe(0);
  });

  it("links a guardian in the same district, and only for an admin of the student", async () => {
    const aunt = await person(s.school, "GUARDIAN", "Aunt May");
    await expect(
      linkGuardian(s.otherAdmin, { guardianId: aunt.id, studentId: s.classmate.id, relationship: "Aunt" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await linkGuardian(s.admin, { guardianId: aunt.id, studentId: s.classmate.id, relationship: "Aunt" });
    expect((await listChildren(aunt)).map((c) => c.id)).toEqual([s.classmate.id]);
  });
});

describe("deleting people", () => {
  it("deletes a student with everything that is theirs, and leaves every other student's records intact", async () => {
    const leaving = await person(s.school, "STUDENT", "Lee Leaving");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: leaving.id, role: "STUDENT" } });
    const theirs = await activePlan(leaving, s.teacher, "Leaving plan");
    const goalId = (await db.goal.findFirstOrThrow({ where: { planId: theirs } })).id;
    await addEvidence(leaving, { planId: theirs, goalId, kind: "TEXT", title: "Mine", text: "x", url: "", reflection: "" });
    const staying = await activePlan(s.classmate, s.teacher, "Staying plan");
    const before = await db.plan.findUniqueOrThrow({ where: { id: staying }, include: { goals: true, revisions: true, events: true } });

    await expect(deletePerson(s.otherAdmin, { userId: leaving.id, confirmName: leaving.name })).rejects.toBeInstanceOf(NotFoundError);
    await deletePerson(s.admin, { userId: leaving.id, confirmName: leaving.name });

    expect(await db.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.plan.count({ where: { studentId: leaving.id } })).toBe(0);
    expect(await db.evidence.count({ where: { studentId: leaving.id } })).toBe(0);
    expect(await db.planRevision.count({ where: { planId: theirs } })).toBe(0);
    const after = await db.plan.findUniqueOrThrow({ where: { id: staying }, include: { goals: true, revisions: true, events: true } });
    expect(after).toEqual(before);
  });

  it("deletes a teacher who rated evidence: the ratings stay, shown as by a former member", async () => {
    const leavingTeacher = await person(s.school, "TEACHER", "Tom Leaving");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: leavingTeacher.id, role: "TEACHER" } });
    const plan = await activePlan(s.student, leavingTeacher, "Rated by Tom");
    const goalId = (await db.goal.findFirstOrThrow({ where: { planId: plan } })).id;
    const { id: evidenceId } = await addEvidence(s.student, {
      planId: plan,
      goalId,
      kind: "TEXT",
      title: "Essay",
      text: "x",
      url: "",
      reflection: "",
    });
    await rateEvidence(leavingTeacher, { evidenceId, goalId, levelId: s.levels.PROFICIENT, feedback: "Well argued" });
    const counts = async () =>
      Promise.all([
        db.plan.count(),
        db.goal.count(),
        db.evidence.count(),
        db.rating.count(),
        db.planEvent.count(),
        db.planRevision.count(),
      ]);
    const before = await counts();

    await deletePerson(s.admin, { userId: leavingTeacher.id, confirmName: leavingTeacher.name });

    expect(await counts()).toEqual(before);
    const shown = await getPlan(s.student, plan);
    const rating = shown.goals[0]?.evidence[0]?.ratings[0];
    expect(rating).toMatchObject({ level: { name: "Proficient" }, feedback: "Well argued", rater: { id: null, name: "Former member" } });
    expect(shown.events.find((e) => e.toStatus === "ACTIVE")?.actor.name).toBe("Former member");
    expect(shown.approvedRevision).not.toBeNull();
    // Their notifications to the student still render, without a name.
    const notes = await listNotifications(s.student);
    expect(notes.items.some((n) => n.title.startsWith("Former member rated"))).toBe(true);
  });
});

describe("admin commands stay inside what the admin runs", () => {
  it("a school admin cannot delete someone who is also active elsewhere, nor a district admin", async () => {
    const both = await person(s.school, "TEACHER", "Two Schools");
    await db.membership.create({ data: { userId: both.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "TEACHER" } });
    await expect(deletePerson(s.admin, { userId: both.id, confirmName: both.name })).rejects.toBeInstanceOf(NotFoundError);
    await db.membership.create({
      data: { userId: s.districtAdmin.id, organizationId: s.school.id, districtId: s.district.id, role: "GUARDIAN" },
    });
    await expect(deletePerson(s.admin, { userId: s.districtAdmin.id, confirmName: s.districtAdmin.name })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.user.count({ where: { id: { in: [both.id, s.districtAdmin.id] } } })).toBe(2);
    // The district admin runs both schools, so may.
    await deletePerson(s.districtAdmin, { userId: both.id, confirmName: both.name });
    expect(await db.user.count({ where: { id: both.id } })).toBe(0);
  });

  it("a school admin cannot link a student who has moved away, nor a 'guardian' they do not administer", async () => {
    const moved = await person(s.school, "STUDENT", "Moved Away");
    await db.membership.updateMany({ where: { userId: moved.id }, data: { endedAt: new Date() } });
    await db.membership.create({ data: { userId: moved.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "STUDENT" } });
    const parent = await person(s.school, "GUARDIAN", "Parent A");
    await expect(linkGuardian(s.admin, { guardianId: parent.id, studentId: moved.id, relationship: "Parent" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      linkGuardian(s.admin, { guardianId: s.teacherB.id, studentId: s.classmate.id, relationship: "Parent" }),
    ).rejects.toBeInstanceOf(InputError);
    await linkGuardian(s.admin, { guardianId: parent.id, studentId: s.classmate.id, relationship: "Parent" });
    await expect(
      linkGuardian(s.admin, { guardianId: parent.id, studentId: s.classmate.id, relationship: "Parent" }),
    ).rejects.toBeInstanceOf(InputError);
  });
});

describe("teaching follows the plan's school and the roster's dates", () => {
  it("a teacher at school A does not act on a dual-enrolled student's plan owned by school B", async () => {
    const dual = await person(s.schoolB, "STUDENT", "Dual Enrolled");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: dual.id, role: "STUDENT" } });
    const planAtB = (await createPlan(dual, planInput({ title: "Owned by B" }))).id;
    await expect(getPlan(s.teacher, planAtB)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("teachers with dated enrollments are notified of submissions", async () => {
    const dated = await person(s.school, "TEACHER", "Dated Teacher");
    const student = await person(s.school, "STUDENT", "Dated Student");
    const until = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 30));
    await db.enrollment.createMany({
      data: [
        { classId: s.classB.id, userId: dated.id, role: "TEACHER", endsOn: until },
        { classId: s.classB.id, userId: student.id, role: "STUDENT", endsOn: until },
      ],
    });
    const { id } = await createPlan(student, planInput({ title: "Dated" }));
    await transitionPlan(student, { planId: id, version: 1, transition: "submit", note: "" });
    expect((await listNotifications(dated)).items.map((n) => n.title)).toContain("Dated Student submitted “Dated” for review");
  });

  it("an admin's people list leaves out those whose membership there has ended", async () => {
    const { listPeople } = await import("./queries");
    const gone = await person(s.school, "TEACHER", "Gone Teacher");
    await db.membership.updateMany({ where: { userId: gone.id }, data: { endedAt: new Date() } });
    const names = (await listPeople(s.admin, 1)).items.map((p) => p.name);
    expect(names).not.toContain("Gone Teacher");
  });
});

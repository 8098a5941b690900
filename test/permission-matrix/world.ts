// The world the action matrix runs in: test/fixtures.ts makeSchool plus an admin of the other
// school, a disabled admin, and one record of every kind an action can name, each built through
// the real commands. Targets that an allowed call would destroy or move get their own rows here
// (a person to delete, a student to move), so one row's success never changes another row's access.
import { readFileSync } from "node:fs";
import path from "node:path";
import { saveAgreement, sendForSignatures, startAgreement } from "@/lib/agreements/commands";
import { setStudyPolicy } from "@/lib/agreements/settings-commands";
import { db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/commands";
import { createPlan } from "@/lib/plans/commands";
import { createRecord } from "@/lib/records/commands";
import { createTemplate, applyTemplate } from "@/lib/templates/commands";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { activePlan, ratedEvidence } from "@/test/plans";
import { buildRoster, rosterFiles } from "@/test/roster/generate";
import { check, uniquePrefix } from "@/test/roster/helpers";
import { makeTool } from "@/test/xapi";
import { ROOT } from "./discover";

export { KINDS, SIGNED_IN, type Kind } from "./kinds";
import type { Kind } from "./kinds";

export const TEMPLATE_GOAL = {
  subject: "ELA" as const,
  title: "Write",
  successCriteria: "Done",
  masteryDemonstration: "Essay",
  standardIds: [],
  activities: [],
};
export const RECORD_FIELDS = {
  title: "Coding club",
  description: "Built a game loop and learned about frames.",
  setting: "ONLINE",
  place: "",
  happenedOn: "2026-10-10",
  hours: "1",
  minutes: "",
  withWhom: "",
  links: "",
};
export const SCIENCE_PACKAGE = readFileSync(path.join(ROOT, "e2e/fixtures/pathways-test-science.json"), "utf8");

export async function makeWorld() {
  const s = await makeSchool();
  const [otherAdmin, disabled] = await Promise.all([person(s.schoolB, "ADMIN", "Bo Admin"), person(s.school, "ADMIN", "Dee Sabled")]);
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  /** The user id each kind of caller signs in as (null: no session). */
  const users: Record<Kind, string | null> = {
    anonymous: null,
    student: s.student.id,
    otherStudent: s.strangerStudent.id,
    guardian: s.guardian.id,
    otherGuardian: s.otherGuardian.id,
    teacher: s.teacher.id,
    otherTeacher: s.otherTeacher.id,
    admin: s.admin.id,
    otherAdmin: otherAdmin.id,
    districtAdmin: s.districtAdmin.id,
    disabled: disabled.id,
  };

  // Plans: an active one with unrated evidence, and drafts to edit and submit.
  const active = await activePlan(s.student, s.teacher, [[s.standard.id]]);
  const goalId = active.goalIds[0]!;
  // Rated once, so the student has a level on the standard to show the working of.
  await ratedEvidence(s.student, s.teacher, { planId: active.id, goalId }, s.levels.DEVELOPING, { title: "First draft" });
  const evidence = await addEvidence(s.student, {
    planId: active.id,
    goalId,
    kind: "TEXT",
    title: "Work",
    text: "Done.",
    url: "",
    reflection: "",
  });
  const draft = await createPlan(s.student, planInput({ title: "Draft to edit" }));
  const toSubmit = await createPlan(s.student, planInput({ title: "Draft to submit" }));

  // Independent study: one plan without an agreement, one being drafted, one sent for signatures.
  await prepareIndependentStudy(s, [s.student]);
  // The district's year too, for when a school goes back to following it.
  await db.organization.update({
    where: { id: s.district.id },
    data: { schoolYearStartsOn: new Date("2026-08-17"), schoolYearEndsOn: new Date("2027-06-10") },
  });
  const study = async (title: string) => (await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title }))).id;
  const [unstarted, drafting, sent] = [await study("Away"), await study("Away, drafting"), await study("Away, sent")];
  for (const planId of [drafting, sent]) await startAgreement(s.teacher, { planId });
  const agreementVersion = async (planId: string) => (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).version;
  await saveAgreement(s.teacher, {
    planId: sent,
    version: await agreementVersion(sent),
    elements: completeAgreement(),
    supervisingTeacherId: s.teacher.id,
    assistants: [],
  });
  await sendForSignatures(s.teacher, { planId: sent, version: await agreementVersion(sent) });

  // Learning records: one to change, one waiting for the teacher's rating.
  const record = await createRecord(s.student, { ...RECORD_FIELDS, links: "https://keep.example", files: [] });
  const attachment = await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId: record.id } });
  const toRate = await db.learningRecord.create({
    data: {
      studentId: s.student.id,
      schoolId: s.school.id,
      title: "Museum talk",
      description: "Gave a talk.",
      setting: "COMMUNITY",
      happenedOn: new Date("2026-11-01"),
      reviewRequestedAt: new Date(),
      standards: { create: { standardId: s.standard.id } },
    },
  });

  // Templates: the teacher's, applied to her class.
  const template = await createTemplate(s.teacher, {
    name: "Local history",
    type: "PERSONALIZED",
    description: "",
    goals: [TEMPLATE_GOAL],
  });
  const { applicationId } = await applyTemplate(s.teacher, {
    templateId: template.id,
    classId: s.classA.id,
    startsOn: "2026-09-01",
    endsOn: "2026-12-15",
  });
  const templatePlan = await db.plan.findFirstOrThrow({ where: { applicationId, studentId: s.student.id } });

  // Groups, profiles, notifications.
  const group = await db.learningGroup.create({
    data: { classId: s.classA.id, name: "Readers", members: { create: { studentId: s.student.id } } },
  });
  await db.studentProfile.upsert({ where: { userId: s.student.id }, create: { userId: s.student.id, gradeLevel: 7 }, update: {} });
  const notification = await db.notification.create({ data: { userId: s.student.id, type: "WELCOME" } });

  // School A's settings: a study policy, a closure, a scale and a mastery policy, a tool and a district mapping.
  const studyPolicy = await setStudyPolicy(s.admin, {
    organizationId: s.school.id,
    maxDaysToDue: Array.from({ length: 13 }, () => 10),
    missedAssignmentsLimit: 3,
    satisfactoryProgress: "Completes 80% of assignments on time.",
    requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"],
  });
  const closure = await db.schoolClosure.create({
    data: { organizationId: s.school.id, day: new Date("2026-11-26"), name: "Thanksgiving" },
  });
  const scale = await db.proficiencyScale.create({
    data: {
      organizationId: s.school.id,
      name: "School scale",
      levels: { create: [{ name: "Got it", points: 1, colour: "#00aa00", proficient: true, isDefault: true, position: 0 }] },
    },
  });
  const masteryPolicy = await db.masteryPolicy.create({
    data: { organizationId: s.school.id, scaleId: `scale_${s.district.id}`, method: "HIGHEST" },
  });
  const tool = await makeTool(s.school);
  const mapping = await db.xapiActivityStandard.create({
    data: { districtId: s.district.id, activityId: "https://reading.example/books/owl-moon", standardId: s.standard.id },
  });

  // People and classes an admin's allowed call may change without touching anyone above.
  const [target, targetGuardian, mover, teacherTwo] = await Promise.all([
    person(s.school, "STUDENT", "Tara Target"),
    person(s.school, "GUARDIAN", "Gwen Target"),
    person(s.school, "STUDENT", "Milo Mover"),
    person(s.school, "TEACHER", "Tom Second"),
  ]);
  await db.guardianLink.create({ data: { districtId: s.district.id, guardianId: targetGuardian.id, studentId: target.id } });
  await db.membership.create({ data: { userId: target.id, organizationId: s.school.id, districtId: s.district.id, role: "GUARDIAN" } });
  const targetGuardianMembership = await db.membership.findFirstOrThrow({ where: { userId: target.id, role: "GUARDIAN" } });
  const classToEnd = await db.class.create({
    data: {
      schoolId: s.school.id,
      courseId: s.classA.courseId,
      name: "7 ELA spare",
      enrollments: { create: { userId: teacherTwo.id, role: "TEACHER" } },
    },
  });
  const moverEnrollment = await db.enrollment.create({ data: { classId: s.classA.id, userId: mover.id, role: "STUDENT" } });
  const enrollmentToEnd = await db.enrollment.create({ data: { classId: s.classB.id, userId: target.id, role: "STUDENT" } });
  const term = await db.term.create({
    data: { schoolId: s.school.id, name: "Fall", startsOn: new Date("2026-09-01"), endsOn: new Date("2026-12-20") },
  });

  // A roster the district admin checked, waiting to be applied.
  const roster = rosterFiles(buildRoster({ students: 3, prefix: uniquePrefix() }));
  const rosterImport = await check(s.districtAdmin, roster);

  return {
    ...s,
    users,
    otherAdmin,
    disabled,
    plan: { id: active.id, goalId, evidenceId: evidence.id, draftId: draft.id, toSubmitId: toSubmit.id },
    study: { unstarted, drafting, sent },
    record: { id: record.id, attachmentId: attachment.id, toRateId: toRate.id },
    template: { id: template.id, applicationId, planId: templatePlan.id },
    groupId: group.id,
    notificationId: notification.id,
    studyPolicy,
    closureId: closure.id,
    scaleId: scale.id,
    masteryPolicyId: masteryPolicy.id,
    toolId: tool.id,
    mappingId: mapping.id,
    target,
    targetGuardian,
    targetGuardianMembershipId: targetGuardianMembership.id,
    mover,
    moverEnrollmentId: moverEnrollment.id,
    classToEndId: classToEnd.id,
    enrollmentToEndId: enrollmentToEnd.id,
    termId: term.id,
    roster,
    rosterImportId: rosterImport.id,
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

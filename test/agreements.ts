// Building independent study agreements for tests: a complete set of elements, and an agreement
// taken all the way to active through the real commands.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { emptyAgreement, type AgreementDraft } from "@/lib/agreements/elements";
import { saveAgreement, sendForSignatures, signAgreement, startAgreement } from "@/lib/agreements/commands";
import { createPlan } from "@/lib/plans/commands";
import { planInput } from "./fixtures";

const arrangement = { manner: "Online portal", time: "By 4 pm", frequency: "Weekly", place: "Home" };

export function completeAgreement(): AgreementDraft {
  const a = emptyAgreement();
  return {
    ...a,
    submitting: arrangement,
    progress: arrangement,
    family: { ...arrangement, manner: "Phone call" },
    subjects: a.subjects.map((x) => ({
      ...x,
      objectives: "Objectives",
      methodsOfStudy: "Methods",
      evaluationMethods: "Rubrics",
      credits: 5,
    })),
    resources: [{ kind: "MATERIAL", description: "Textbooks" }],
    deviceConfirmed: true,
    connectivityConfirmed: true,
    startsOn: "2026-08-17",
    endsOn: "2027-06-10",
    supports: "English learner support, IEP and 504 services, foster and homeless youth liaison, counselling.",
  };
}

/** The school's year, the district's board policy and the students' grade, as sending needs them. */
export async function prepareIndependentStudy(s: { school: { id: string }; district: { id: string } }, students: Actor[]) {
  await db.organization.update({
    where: { id: s.school.id },
    data: { schoolYearStartsOn: new Date("2026-08-17"), schoolYearEndsOn: new Date("2027-06-10") },
  });
  await db.studyPolicy.upsert({
    where: { organizationId: s.district.id },
    update: {},
    create: {
      organizationId: s.district.id,
      maxDaysToDue: { "7": 10, "8": 10 },
      missedAssignmentsLimit: 3,
      satisfactoryProgress: "Completes 80% of assignments on time.",
      requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"],
    },
  });
  for (const student of students) {
    await db.studentProfile.upsert({
      where: { userId: student.id },
      create: { userId: student.id, gradeLevel: 7 },
      update: { gradeLevel: 7 },
    });
  }
}

/** An independent study plan with an agreement signed by the student, a guardian and the teacher. */
export async function activeAgreement(student: Actor, guardian: Actor, teacher: Actor, elements = completeAgreement()) {
  const { id: planId } = await createPlan(student, planInput({ type: "INDEPENDENT_STUDY", title: `${student.name}'s independent study` }));
  await startAgreement(teacher, { planId });
  const version = async () => (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).version;
  await saveAgreement(teacher, { planId, version: await version(), elements, supervisingTeacherId: teacher.id, assistants: [] });
  await sendForSignatures(teacher, { planId, version: await version() });
  const { contentHash } = await db.agreementRevision.findFirstOrThrow({ where: { agreement: { planId } }, orderBy: { number: "desc" } });
  for (const signer of [student, guardian, teacher])
    await signAgreement(signer, { planId, contentHash, typedName: signer.name, agree: true });
  return planId;
}

// The server actions' permission matrix: one row per exported action of every app/**/actions.ts.
// A row names who may call it (the allowed kinds of caller) and builds a valid input over the
// world (test/permission-matrix/world.ts). Every other caller must be refused with a refusal
// code and change nothing; then one allowed caller (the first listed) must succeed.
//
// Adding an action: add `nameAction: row(["teacher"], (w) => ({ ...input })),` under its file.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { completeAgreement } from "@/test/agreements";
import { PASSWORD, person, planInput } from "@/test/fixtures";
import { zipFile } from "@/test/roster/helpers";
import { createRecord } from "@/lib/records/commands";
import { createTemplate } from "@/lib/templates/commands";
import { RECORD_FIELDS, SCIENCE_PACKAGE, SIGNED_IN, TEMPLATE_GOAL, type Kind, type World } from "./world";

export type ActionRow = {
  /** The kinds of caller who may; the first (or `okAs`) makes the allowed call. */
  allowed: readonly Kind[];
  input: (w: World) => unknown;
  /** The allowed call cannot succeed in this world: the stable business-rule code it answers instead, and why. */
  expect?: { code: string; why: string };
  /** Makes the allowed call as this fresh person instead (calls that end the caller's own sessions). */
  okAs?: (w: World) => Promise<string>;
  /**
   * Callers answered otherwise than with a refusal code, and why that is no leak: a field message
   * about a school they do not run, or a refused second step after a first step they may take
   * (`changes`: that first step's rows are written).
   */
  answers?: Partial<Record<Kind, { code: string; why: string; changes?: true }>>;
  /** A public endpoint (no session needed): every caller, signed in or not, gets the answer `same`. */
  public?: { why: string; same: string };
};

const row = (allowed: readonly Kind[], input: ActionRow["input"], more: Omit<ActionRow, "allowed" | "input"> = {}): ActionRow => ({
  allowed,
  input,
  ...more,
});
const open = (why: string, same: string, input: ActionRow["input"]): ActionRow => ({ allowed: [], input, public: { why, same } });

const ADMINS: Kind[] = ["admin", "districtAdmin"];
const TEMPLATE_MANAGERS: Kind[] = ["teacher", "admin", "districtAdmin"];
/** The other school's admin names a school (or its course) they do not run: answered beside the field, nothing written. */
const FOREIGN_SCHOOL_FIELD = { otherAdmin: { code: "INVALID", why: "a school they do not run is answered beside the School field" } };
const FAMILY_AND_STAFF: Kind[] = ["student", "guardian", "teacher", "admin", "districtAdmin"];
const freshPerson = (role: "STUDENT" | "TEACHER") => async (w: World) => (await person(w.school, role, "Spare Person")).id;

function form(fields: Record<string, string | File | File[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const x of v) f.append(k, x);
    else f.set(k, v);
  }
  return f;
}
const version = {
  plan: async (id: string) => (await db.plan.findUniqueOrThrow({ where: { id } })).version,
  record: async (id: string) => (await db.learningRecord.findUniqueOrThrow({ where: { id } })).version,
  agreement: async (planId: string) => (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).version,
};
const schoolYear = async (w: World) => {
  const o = await db.organization.findUniqueOrThrow({ where: { id: w.school.id } });
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return { startsOn: iso(o.schoolYearStartsOn), endsOn: iso(o.schoolYearEndsOn) };
};
const agreementForm = async (w: World, planId: string) => ({
  planId,
  version: await version.agreement(planId),
  elements: { ...completeAgreement(), startsOn: "2027-01-11", endsOn: "2027-03-26" },
  supervisingTeacherId: w.teacher.id,
  assistants: [],
});
const studyPolicy = (w: World, v: number) => ({
  organizationId: w.school.id,
  maxDaysToDue: Array.from({ length: 13 }, () => 10),
  missedAssignmentsLimit: 3,
  satisfactoryProgress: "Completes 80% of assignments on time.",
  requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"],
  version: v,
});
const template = (name = "Local history") => ({ name, type: "PERSONALIZED", description: "", goals: [TEMPLATE_GOAL] });
const ownRecord = async (w: World) => (await createRecord(w.student, { ...RECORD_FIELDS, files: [] })).id;
const newPassword = "a new password for the matrix";

export const ACTION_ROWS: Record<string, Record<string, ActionRow>> = {
  "(app)/actions.ts": {
    signOutAction: open("Signing out needs no session: it clears this browser's cookies.", "redirect:/sign-in", () => undefined),
    markAllReadAction: row(SIGNED_IN, () => ({})),
    // Only ever the caller's own language: the input cannot name anyone.
    chooseLocaleAction: row(SIGNED_IN, () => form({ locale: "es" })),
    switchMembershipAction: row(["otherTeacher"], async (w) => {
      const m = await db.membership.findFirstOrThrow({ where: { userId: w.otherTeacher.id, role: "GUARDIAN" } });
      return form({ membershipId: m.id });
    }),
  },
  "(app)/admin/classes/actions.ts": {
    saveCourseAction: row(
      ADMINS,
      (w) => ({ courseId: "", organizationId: w.school.id, title: "Robotics", code: "", subject: "ARTS", gradeLevel: "" }),
      { answers: FOREIGN_SCHOOL_FIELD },
    ),
    saveTermAction: row(
      ADMINS,
      (w) => ({ termId: "", organizationId: w.school.id, name: "Spring", startsOn: "2027-01-10", endsOn: "2027-05-30" }),
      { answers: FOREIGN_SCHOOL_FIELD },
    ),
    saveClassAction: row(ADMINS, (w) => ({ classId: "", name: "7 ELA b", courseId: w.classA.courseId, termId: "", gradeLevel: "" }), {
      answers: FOREIGN_SCHOOL_FIELD,
    }),
    endClassAction: row(ADMINS, (w) => ({ classId: w.classToEndId })),
    enrollAction: row(ADMINS, (w) => ({ classId: w.classA.id, userId: w.target.id, role: "STUDENT", beginsOn: "" })),
    endEnrollmentAction: row(ADMINS, (w) => ({ enrollmentId: w.enrollmentToEndId })),
    moveStudentAction: row(ADMINS, (w) => ({ enrollmentId: w.moverEnrollmentId, toClassId: w.classB.id })),
  },
  "(app)/admin/independent-study/actions.ts": {
    saveStudyPolicyAction: row(ADMINS, async (w) =>
      studyPolicy(w, (await db.studyPolicy.findUniqueOrThrow({ where: { id: w.studyPolicy.id } })).version),
    ),
    removeStudyPolicyAction: row(ADMINS, async (w) => ({
      policyId: w.studyPolicy.id,
      version: (await db.studyPolicy.findUniqueOrThrow({ where: { id: w.studyPolicy.id } })).version,
    })),
    saveSchoolYearAction: row(ADMINS, async (w) => ({
      organizationId: w.school.id,
      startsOn: "2026-08-24",
      endsOn: "2027-06-11",
      loaded: await schoolYear(w),
    })),
    districtSchoolYearAction: row(ADMINS, async (w) => ({ organizationId: w.school.id, loaded: await schoolYear(w) })),
    addClosureAction: row(ADMINS, (w) => ({ organizationId: w.school.id, day: "2026-12-21", name: "Winter break" })),
    removeClosureAction: row(ADMINS, (w) => ({ closureId: w.closureId })),
  },
  "(app)/admin/mastery/actions.ts": {
    saveScaleAction: row(ADMINS, (w) => ({
      scaleId: "",
      organizationId: w.school.id,
      name: "Two levels",
      description: "",
      levels: [
        { id: "", name: "Not yet", points: 0, colour: "#aa0000", description: "", proficient: false, isDefault: false },
        { id: "", name: "Got it", points: 1, colour: "#00aa00", description: "", proficient: true, isDefault: true },
      ],
    })),
    deleteScaleAction: row(ADMINS, (w) => ({ scaleId: w.scaleId, version: 1 })),
    setPolicyAction: row(ADMINS, async (w) => ({
      organizationId: w.school.id,
      frameworkId: "",
      scaleId: `scale_${w.district.id}`,
      method: { kind: "HIGHEST" },
      version: (await db.masteryPolicy.findUniqueOrThrow({ where: { id: w.masteryPolicyId } })).version,
    })),
    removePolicyAction: row(ADMINS, async (w) => ({
      policyId: w.masteryPolicyId,
      version: (await db.masteryPolicy.findUniqueOrThrow({ where: { id: w.masteryPolicyId } })).version,
    })),
  },
  "(app)/admin/people/actions.ts": {
    createPersonAction: row(
      ADMINS,
      (w) => ({
        name: "Noor New",
        email: `noor.${randomUUID().slice(0, 8)}@test.example`,
        role: "TEACHER",
        organizationId: w.school.id,
        gradeLevel: "",
        sendLink: false,
      }),
      { answers: FOREIGN_SCHOOL_FIELD },
    ),
    updatePersonAction: row(ADMINS, (w) => ({ userId: w.target.id, name: "Tara Target", email: w.target.email, gradeLevel: "7" })),
    disablePersonAction: row(ADMINS, (w) => ({ userId: w.targetGuardian.id })),
    enablePersonAction: row(ADMINS, (w) => ({ userId: w.targetGuardian.id })),
    sendResetLinkAction: row(ADMINS, (w) => ({ userId: w.target.id })),
    addMembershipAction: row(ADMINS, (w) => ({ userId: w.target.id, role: "TEACHER", organizationId: w.school.id })),
    endMembershipAction: row(ADMINS, (w) => ({ membershipId: w.targetGuardianMembershipId })),
    linkGuardianAction: row(ADMINS, (w) => ({ guardianId: w.targetGuardian.id, studentId: w.mover.id, relationship: "Aunt" })),
    unlinkGuardianAction: row(ADMINS, (w) => ({ guardianId: w.targetGuardian.id, studentId: w.target.id })),
    deletePersonAction: row(ADMINS, async (w) => ({ userId: (await person(w.school, "STUDENT", "Del Eted")).id, confirmName: "Del Eted" })),
    pickPeopleAction: row([...ADMINS, "otherAdmin"], () => ({ q: "Sam", role: "STUDENT" })),
  },
  "(app)/admin/roster/actions.ts": {
    checkRosterAction: row(["districtAdmin"], (w) => form({ files: [zipFile(w.roster)] })),
    applyRosterAction: row(["districtAdmin"], (w) => ({ importId: w.rosterImportId })),
  },
  "(app)/admin/standards/actions.ts": {
    importFrameworkAction: row(ADMINS, (w) =>
      form({ organizationId: w.school.id, file: new File([SCIENCE_PACKAGE], "science.json", { type: "application/json" }) }),
    ),
  },
  "(app)/admin/tools/actions.ts": {
    createToolAction: row(ADMINS, (w) => ({ name: "Maths app", schoolId: w.school.id })),
    revokeToolAction: row(ADMINS, (w) => ({ toolId: w.toolId })),
    addMappingAction: row(["districtAdmin"], (w) => ({ activityId: "https://reading.example/books/42", standardIds: [w.standard.id] })),
    removeMappingAction: row(["districtAdmin"], (w) => ({ mappingId: w.mappingId })),
  },
  "(app)/mastery/actions.ts": {
    goalWorkingAction: row(FAMILY_AND_STAFF, (w) => ({ goalId: w.plan.goalId })),
    standardWorkingAction: row(FAMILY_AND_STAFF, (w) => ({ studentId: w.student.id, standardId: w.standard.id })),
  },
  "(app)/notifications/actions.ts": {
    markReadAction: row(["student"], (w) => ({ notificationId: w.notificationId })),
  },
  "(app)/plans/[id]/agreement/actions.ts": {
    startAgreementAction: row(["student", "teacher"], (w) => ({ planId: w.study.unstarted })),
    saveAgreementAction: row(["teacher", "student"], (w) => agreementForm(w, w.study.drafting)),
    saveAndSendAgreementAction: row(["teacher"], (w) => agreementForm(w, w.study.drafting), {
      answers: {
        student: {
          code: "FORBIDDEN",
          changes: true,
          why: "the student may save the agreement but not send it; the save stands so nothing typed is lost",
        },
      },
    }),
    signAgreementAction: row(["student", "guardian", "teacher"], async (w) => ({
      planId: w.study.sent,
      contentHash: (
        await db.agreementRevision.findFirstOrThrow({ where: { agreement: { planId: w.study.sent } }, orderBy: { number: "desc" } })
      ).contentHash,
      typedName: w.student.name,
      agree: true,
    })),
  },
  "(app)/plans/actions.ts": {
    createPlanAction: row(["student", "otherStudent"], () => planInput({ title: "My own plan" })),
    updatePlanAction: row(["student", "teacher"], async (w) => ({
      planId: w.plan.draftId,
      version: await version.plan(w.plan.draftId),
      plan: planInput({ title: "Edited draft" }),
    })),
    transitionPlanAction: row(["student"], async (w) => ({
      planId: w.plan.toSubmitId,
      version: await version.plan(w.plan.toSubmitId),
      transition: "submit",
      note: "",
    })),
    addEvidenceAction: row(["student"], (w) =>
      form({ planId: w.plan.id, goalId: w.plan.goalId, kind: "TEXT", title: "More work", text: "Done", url: "", reflection: "" }),
    ),
    rateEvidenceAction: row(["teacher"], (w) => ({
      evidenceId: w.plan.evidenceId,
      goalId: w.plan.goalId,
      levelId: w.levels.PROFICIENT,
      feedback: "Well argued.",
    })),
  },
  "(app)/profile/actions.ts": {
    updateProfileAction: row(["student"], async (w) => ({
      studentId: w.student.id,
      version: (await db.studentProfile.findUniqueOrThrow({ where: { userId: w.student.id } })).version,
      profile: {
        strengths: "Changed",
        needs: "",
        interests: "",
        learningPreferences: "",
        aspirations: "",
        engagement: [],
        representation: [],
        expression: ["writing"],
        preferredSettings: ["HOME"],
      },
    })),
  },
  "(app)/records/actions.ts": {
    createRecordAction: row(["student", "otherStudent"], () => form(RECORD_FIELDS)),
    updateRecordAction: row(["student"], async (w) => ({
      recordId: w.record.id,
      version: await version.record(w.record.id),
      ...RECORD_FIELDS,
      title: "Edited",
    })),
    deleteRecordAction: row(["student"], async (w) => ({ recordId: await ownRecord(w) })),
    addAttachmentsAction: row(["student"], (w) => form({ recordId: w.record.id, links: "https://more.example" })),
    removeAttachmentAction: row(["student"], (w) => ({ recordId: w.record.id, attachmentId: w.record.attachmentId })),
    linkStandardAction: row(["student"], (w) => ({ recordId: w.record.id, standardId: w.standard.id })),
    unlinkStandardAction: row(["student"], (w) => ({ recordId: w.record.id, standardId: w.standard.id })),
    linkGoalAction: row(["student"], (w) => ({ recordId: w.record.id, goalId: w.plan.goalId })),
    unlinkGoalAction: row(["student"], (w) => ({ recordId: w.record.id, goalId: w.plan.goalId })),
    requestReviewAction: row(["student"], async (w) => {
      const recordId = await ownRecord(w);
      await db.learningRecordStandard.create({ data: { recordId, standardId: w.standard.id } });
      return { recordId };
    }),
    decideSuggestionAction: row(["student"], async (w) => {
      const recordId = await ownRecord(w);
      await db.learningRecord.update({ where: { id: recordId }, data: { status: "SUGGESTED" } });
      return { recordId, decision: "dismiss" };
    }),
  },
  "(app)/students/[id]/actions.ts": {
    addProfileCommentAction: row(["teacher"], (w) => ({ studentId: w.student.id, body: "Great questions in class." })),
  },
  "(app)/teacher/actions.ts": {
    rateRecordAction: row(["teacher"], (w) => ({
      recordId: w.record.toRateId,
      standardId: w.standard.id,
      levelId: w.levels.PROFICIENT,
      feedback: "Well argued.",
    })),
  },
  "(app)/teacher/classes/[id]/groups/actions.ts": {
    saveGroupAction: row(["teacher"], (w) => ({
      classId: w.classA.id,
      name: "Writers",
      note: "",
      meetsOn: "",
      standardIds: [w.standard.id],
      studentIds: [w.student.id],
    })),
    addGroupActivityAction: row(["teacher"], (w) => ({ groupId: w.groupId, description: "Read aloud", timing: "" })),
  },
  "(app)/templates/actions.ts": {
    createTemplateAction: row(["teacher", "otherTeacher", "admin", "otherAdmin", "districtAdmin"], () => template("Mine")),
    updateTemplateAction: row(TEMPLATE_MANAGERS, async (w) => ({
      templateId: w.template.id,
      version: (await db.planTemplate.findUniqueOrThrow({ where: { id: w.template.id } })).version,
      template: template("Renamed"),
    })),
    archiveTemplateAction: row(TEMPLATE_MANAGERS, async (w) => ({
      templateId: (await createTemplate(w.teacher, template("To archive"))).id,
      version: 1,
    })),
    applyTemplateAction: row(TEMPLATE_MANAGERS, async (w) => ({
      templateId: (await createTemplate(w.teacher, template("To apply"))).id,
      classId: w.classA.id,
      startsOn: "2026-09-01",
      endsOn: "2026-12-15",
    })),
    syncPlansAction: row(TEMPLATE_MANAGERS, (w) => ({ applicationId: w.template.applicationId })),
    startPlanFromTemplateAction: row(["student", "otherStudent"], (w) => ({ templateId: w.template.id })),
    unlinkTemplateAction: row(["student", "teacher"], (w) => ({ planId: w.template.planId })),
  },
  "(app)/admin/retention/actions.ts": {
    setRetentionAction: row(["districtAdmin"], () => ({ keepMonths: "84" })),
    // A student still enrolled is not due: the district admin's call deletes no one and says so.
    deleteDueAction: row(["districtAdmin"], (w) => ({ studentIds: [w.student.id], confirmCount: "1" })),
  },
  "(app)/account/notifications/actions.ts": {
    // Everyone chooses their own email; the input cannot name anyone else.
    savePreferencesAction: row(SIGNED_IN, () => ({ deliveries: { COMMENTS: "WEEKLY" } })),
  },
  "unsubscribe/actions.ts": {
    resubscribeAction: open(
      "The signed link in an email is what authorizes it, not a session; a forged one finds nothing.",
      "NOT_FOUND",
      () => ({
        v: "1",
        u: "nobody",
        k: "COMMENTS",
        s: "forged",
      }),
    ),
  },
  "forgot-password/actions.ts": {
    requestPasswordResetAction: open(
      "Asking for a reset link needs no session, and answers the same whether or not the address has an account.",
      "ok",
      () => ({ email: "nobody@nowhere.test" }),
    ),
  },
  "reset-password/actions.ts": {
    resetPasswordAction: open("The link's token is what authorizes the change, not a session.", "INVALID", () => ({
      token: "not-a-real-token",
      password: newPassword,
      confirmPassword: newPassword,
    })),
  },
  "sign-in/actions.ts": {
    signInAction: open("Signing in is what makes a session.", "INVALID", () => ({ email: "nobody@nowhere.test", password: "wrong" })),
    chooseSignedOutLocaleAction: open(
      "Choosing the language of the sign-in page needs no session; it sets only this browser's cookie and goes back.",
      "redirect:/sign-in",
      () => form({ locale: "es" }),
    ),
    ssoSignInAction: open("Starting single sign-on needs no session; an unknown provider goes back to sign-in.", "redirect:/sign-in", () =>
      form({ provider: "no-such-provider" }),
    ),
  },
  // Last: these end the caller's own sessions, so their allowed call is made by a spare person.
  "(app)/account/actions.ts": {
    changePasswordAction: row(SIGNED_IN, () => ({ currentPassword: PASSWORD, newPassword, confirmPassword: newPassword }), {
      okAs: freshPerson("STUDENT"),
    }),
    signOutEverywhereAction: row(SIGNED_IN, () => undefined, { okAs: freshPerson("TEACHER") }),
  },
};

// The written independent study agreement (California Education Code 51747 and states that copy
// it): the nine elements as data, a lenient schema for saving a draft, and the check that must
// pass before anyone is asked to sign — one message per element, shown next to it.
import { z } from "zod";
import { SUBJECT_LABEL, SUBJECTS } from "@/lib/plans/labels";
import { ARRANGEMENTS, CORE_SUBJECTS, gradeKey, RESOURCE_KINDS, type Element } from "./lists";
import { schoolDaysBetween, type SchoolCalendar } from "./school-days";

export { ARRANGEMENTS, CORE_SUBJECTS, ELEMENTS, gradeKey, RESOURCE_KINDS, type Element } from "./lists";

/** Element 7, word for word in every agreement. */
export const OPTIONAL_STATEMENT =
  "Independent study is optional. No student is required to take part in independent study; the student may instead attend classroom instruction.";

export const ELEMENT_LABEL: Record<Element, string> = {
  communication: "1. Submitting work, reporting progress and talking with the family",
  study: "2. Objectives, methods of study and evaluation, per subject",
  resources: "3. Resources, materials and people; device and connectivity",
  policy: "4. The board's policies",
  duration: "5. Duration",
  credits: "6. Credits or other measures of accomplishment, per subject",
  optional: "7. Independent study is optional",
  supports: "8. Supports for students who need them",
  signatures: "9. Who signs",
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max.toLocaleString("en-US")} characters.`);
const day = z.union([z.literal(""), z.iso.date({ error: "Enter a date." })]);

/** Manner, time, frequency and place: how one kind of contact happens. */
const arrangement = z.object({ manner: text(300), time: text(200), frequency: text(200), place: text(200) });
export type Arrangement = z.infer<typeof arrangement>;

const subjectPlan = z.object({
  subject: z.enum(SUBJECTS, { error: "Choose a subject." }),
  objectives: text(2000),
  methodsOfStudy: text(2000),
  evaluationMethods: text(2000),
  /** Credits to be earned (secondary grades). */
  credits: z
    .number({ error: "Enter credits as a number." })
    .min(0, "Credits cannot be negative.")
    .max(60, "At most 60 credits.")
    .nullable(),
  /** Another measure of accomplishment (elementary grades), in words. */
  measure: text(500),
});
export type SubjectPlan = z.infer<typeof subjectPlan>;

/** What a draft may hold: anything may still be empty; lengths and types are checked. */
export const agreementDraftSchema = z.object({
  submitting: arrangement,
  progress: arrangement,
  family: arrangement,
  subjects: z.array(subjectPlan).max(12, "At most 12 subjects."),
  resources: z.array(z.object({ kind: z.enum(RESOURCE_KINDS), description: text(500) })).max(30, "At most 30 resources."),
  deviceConfirmed: z.boolean(),
  connectivityConfirmed: z.boolean(),
  startsOn: day,
  endsOn: day,
  optionalAcknowledged: z.boolean(),
  supports: text(4000),
});
export type AgreementDraft = z.infer<typeof agreementDraftSchema>;

/** The board's policies (element 4), set by an admin once per school or district and copied into each agreement. */
export const boardPolicySchema = z.object({
  /** Longest time from assigning work to its due date, in school days, per grade ("K", "1" … "12"). */
  maxDaysToDue: z.record(z.string(), z.number().int().min(1).max(60)),
  /** Missed assignments allowed before an evaluation of whether independent study still serves the student. */
  missedAssignmentsLimit: z.number().int().min(1).max(20),
  satisfactoryProgress: text(2000).min(1, "Describe satisfactory progress."),
  /** Core subjects every agreement covers; the default is all four. */
  requiredSubjects: z.array(z.enum(SUBJECTS)),
});
export type BoardPolicy = z.infer<typeof boardPolicySchema>;

export type AgreementContext = {
  /** The school year and closures; null when an admin has not set the school year. */
  calendar: SchoolCalendar | null;
  /** The board policy copied into this agreement; null when no admin has set one. */
  policy: BoardPolicy | null;
  /** The student's grade: K–5 measure accomplishment in other ways than credits. */
  gradeLevel: number;
  /** Whether a supervising teacher is named on the agreement. */
  supervisingTeacher: boolean;
  /** Everyone else who will directly assist (element 9), each with their role in words. */
  assistants: readonly { name: string; role: string }[];
  /** Whether a guardian must sign (under 18) but none is linked to the student. */
  guardianMissing: boolean;
};

export type ElementProblems = Partial<Record<Element, string>>;

const filled = (a: Arrangement) => Object.values(a).every((v) => v.length > 0);
const elementary = (grade: number) => grade <= 5;

/** What stops an agreement from being sent for signatures, one message per element; empty when none. */
export function checkAgreement(a: AgreementDraft, ctx: AgreementContext): ElementProblems {
  const problems: ElementProblems = {};
  const missingArrangement = (Object.keys(ARRANGEMENTS) as (keyof typeof ARRANGEMENTS)[]).filter((k) => !filled(a[k]));
  if (missingArrangement.length) {
    problems.communication = `Give the manner, time, frequency and place for: ${missingArrangement.map((k) => ARRANGEMENTS[k].toLowerCase()).join("; ")}.`;
  }

  const required = ctx.policy?.requiredSubjects ?? [...CORE_SUBJECTS];
  const subjects = new Set(a.subjects.map((s) => s.subject));
  const uncovered = required.filter((s) => !subjects.has(s));
  const duplicates = a.subjects.filter((s, i) => a.subjects.findIndex((t) => t.subject === s.subject) !== i);
  const thin = a.subjects.filter((s) => !s.objectives || !s.methodsOfStudy || !s.evaluationMethods);
  if (uncovered.length) problems.study = `Cover every required subject: ${uncovered.map((s) => SUBJECT_LABEL[s]).join(", ")} is missing.`;
  else if (duplicates.length) problems.study = `${SUBJECT_LABEL[duplicates[0]!.subject]} is listed twice; keep one entry per subject.`;
  else if (thin.length)
    problems.study = `Give objectives, methods of study and how work is evaluated for ${thin.map((s) => SUBJECT_LABEL[s.subject]).join(", ")}.`;

  if (a.resources.filter((r) => r.description).length === 0 || !a.deviceConfirmed || !a.connectivityConfirmed) {
    problems.resources = [
      a.resources.some((r) => r.description) ? "" : "List the resources, materials and people made available.",
      a.deviceConfirmed ? "" : "Confirm the student has a device.",
      a.connectivityConfirmed ? "" : "Confirm the student has connectivity.",
    ]
      .filter(Boolean)
      .join(" ");
  }

  if (!ctx.policy) problems.policy = "An admin has not set the board's independent study policies for this school yet.";
  else if (ctx.policy.maxDaysToDue[gradeKey(ctx.gradeLevel)] === undefined)
    problems.policy = `The board's policies give no maximum time to a due date for grade ${gradeKey(ctx.gradeLevel)}.`;

  if (!a.startsOn || !a.endsOn) problems.duration = "Enter the start and end dates.";
  else if (a.endsOn < a.startsOn) problems.duration = "The end date must be on or after the start date.";
  else if (!ctx.calendar) problems.duration = "An admin has not set this school's school-year dates yet.";
  else if (a.startsOn < ctx.calendar.startsOn || a.endsOn > ctx.calendar.endsOn)
    problems.duration = `The agreement must fall within the school year, ${ctx.calendar.startsOn} to ${ctx.calendar.endsOn}.`;
  else if (schoolDaysBetween(a.startsOn, a.endsOn, ctx.calendar) === 0)
    problems.duration = "The agreement must include at least one school day.";

  const unmeasured = a.subjects.filter((s) => (elementary(ctx.gradeLevel) ? !s.measure && s.credits === null : s.credits === null));
  if (unmeasured.length) {
    problems.credits = elementary(ctx.gradeLevel)
      ? `Say what will be accomplished (or the credits) for ${unmeasured.map((s) => SUBJECT_LABEL[s.subject]).join(", ")}.`
      : `Enter the credits to be earned for ${unmeasured.map((s) => SUBJECT_LABEL[s.subject]).join(", ")}.`;
  }

  if (!a.optionalAcknowledged) problems.optional = "Include the statement that independent study is optional.";
  if (!a.supports) problems.supports = "State the academic and other supports available to students who need them.";

  const unnamed = ctx.assistants.filter((p) => !p.role.trim());
  if (!ctx.supervisingTeacher) problems.signatures = "Name the supervising teacher.";
  else if (unnamed.length) problems.signatures = `Say how ${unnamed.map((p) => p.name).join(", ")} will assist.`;
  else if (ctx.guardianMissing)
    problems.signatures = "The student is under 18 and no parent or guardian is linked to them: an admin must link one, who signs.";
  return problems;
}

export const EMPTY_ARRANGEMENT: Arrangement = { manner: "", time: "", frequency: "", place: "" };

/** A new agreement: the four core subjects listed, everything else to fill in. */
export function emptyAgreement(): AgreementDraft {
  return {
    submitting: EMPTY_ARRANGEMENT,
    progress: EMPTY_ARRANGEMENT,
    family: EMPTY_ARRANGEMENT,
    subjects: CORE_SUBJECTS.map((subject) => ({
      subject,
      objectives: "",
      methodsOfStudy: "",
      evaluationMethods: "",
      credits: null,
      measure: "",
    })),
    resources: [],
    deviceConfirmed: false,
    connectivityConfirmed: false,
    startsOn: "",
    endsOn: "",
    optionalAcknowledged: true,
    supports: "",
  };
}

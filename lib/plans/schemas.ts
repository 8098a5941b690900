// One schema per form, shared by the client form and the server action.
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";
import { ACTIVITY_SETTINGS, PLAN_TYPES, RESOURCE_KINDS, SUBJECTS } from "./labels";

export { EMPTY_ACTIVITY, EMPTY_GOAL } from "./blanks";

const id = z.string().trim().min(1).max(64);
const isoDate = (message: string) => z.iso.date({ error: message });

/** What the student will do toward a goal, where, when, with whom and with what. */
export const activityInputSchema = z
  .object({
    id: z.string().max(64).optional(),
    description: z.string().trim().min(1, "plans.validation.activityDescriptionRequired").max(1000, "plans.validation.max1000"),
    setting: z.enum(ACTIVITY_SETTINGS, { error: "plans.validation.settingRequired" }),
    timing: z.string().trim().max(200, "plans.validation.max200"),
    withWhom: z.string().trim().max(200, "plans.validation.max200"),
    resourceKind: z.enum(RESOURCE_KINDS, { error: "plans.validation.resourceKindRequired" }),
    resource: z.string().trim().max(300, "plans.validation.max300"),
    resourceUrl: z.string().trim().max(2000, "plans.validation.linkTooLong"),
  })
  .superRefine((a, ctx) => {
    if (a.resourceKind === "LINK") {
      // Only web links: a javascript: or data: address is never stored.
      if (!z.url({ protocol: /^https?$/ }).safeParse(a.resourceUrl).success) {
        ctx.addIssue({ code: "custom", path: ["resourceUrl"], message: "plans.validation.urlInvalid" });
      }
    } else if (a.resourceKind !== "NONE" && a.resource.length === 0) {
      ctx.addIssue({ code: "custom", path: ["resource"], message: "plans.validation.resourceRequired" });
    }
  });
export type ActivityInput = z.infer<typeof activityInputSchema>;

/** An activity as it is stored: a resource's name only when there is one, a link only for a link. */
export function storedActivity(a: Omit<ActivityInput, "id">) {
  return {
    description: a.description,
    setting: a.setting,
    timing: a.timing,
    withWhom: a.withWhom,
    resourceKind: a.resourceKind,
    resource: a.resourceKind === "NONE" ? "" : a.resource,
    resourceUrl: a.resourceKind === "LINK" ? a.resourceUrl : "",
  };
}

export const goalInputSchema = z.object({
  id: z.string().max(64).optional(),
  subject: z.enum(SUBJECTS, { error: "plans.validation.subjectRequired" }),
  title: z.string().trim().min(1, "plans.validation.goalTitleRequired").max(300, "plans.validation.goalTitleTooLong"),
  successCriteria: z.string().trim().min(1, "plans.validation.successCriteriaRequired").max(2000, "plans.validation.max2000"),
  masteryDemonstration: z.string().trim().min(1, "plans.validation.masteryRequired").max(2000, "plans.validation.max2000"),
  targetDate: z.union([z.literal(""), isoDate("plans.validation.dateInvalid")]),
  standardIds: z.array(id).max(10, "plans.validation.tooManyStandards"),
  activities: z.array(activityInputSchema).max(20, "plans.validation.tooManyActivities"),
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export const planFormSchema = z
  .object({
    title: z.string().trim().min(1, "plans.validation.titleRequired").max(200, "plans.validation.titleTooLong"),
    type: z.enum(PLAN_TYPES, { error: "plans.validation.typeRequired" }),
    summary: z.string().trim().max(4000, "plans.validation.summaryTooLong"),
    startsOn: isoDate("plans.validation.startRequired"),
    endsOn: isoDate("plans.validation.endRequired"),
    goals: z.array(goalInputSchema).min(1, "plans.validation.goalsRequired").max(30, "plans.validation.tooManyGoals"),
    /** Sent by the form when it creates a plan (lib/idempotency); editing ignores it. */
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((p) => p.endsOn >= p.startsOn, {
    path: ["endsOn"],
    message: "plans.validation.endBeforeStart",
  })
  // The form never repeats an id; only a tampered request does, and it gets a message, not a 500.
  .refine((p) => unique(p.goals.flatMap((g) => (g.id ? [g.id] : []))), {
    path: ["goals"],
    message: "plans.validation.goalRepeated",
  })
  .refine((p) => unique(p.goals.flatMap((g) => g.activities.flatMap((a) => (a.id ? [a.id] : [])))), {
    path: ["goals"],
    message: "plans.validation.activityRepeated",
  });
export type PlanFormInput = z.infer<typeof planFormSchema>;

function unique(ids: readonly string[]) {
  return new Set(ids).size === ids.length;
}

export const planUpdateSchema = z.object({ planId: id, version: z.number().int().positive(), plan: planFormSchema });

export const TRANSITIONS = [
  "submit",
  "withdraw",
  "startReview",
  "requestChanges",
  "approve",
  "sendBack",
  "complete",
  "reopen",
  "archive",
] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export const transitionSchema = z
  .object({
    planId: id,
    version: z.number().int().positive(),
    transition: z.enum(TRANSITIONS),
    note: z.string().trim().max(4000, "plans.validation.noteTooLong"),
  })
  .refine((t) => t.transition !== "requestChanges" || t.note.length > 0, {
    path: ["note"],
    message: "plans.validation.changesNoteRequired",
  })
  // Taking back an approval or a completion is explained to the student and the family.
  .refine((t) => (t.transition !== "sendBack" && t.transition !== "reopen") || t.note.length > 0, {
    path: ["note"],
    message: "plans.validation.reasonRequired",
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

/**
 * A stored revision's (or proposed change's) content read back as plan form values.
 * Lenient on purpose: it reads what was saved, and revisions from before activities
 * existed have none. What is written back still goes through `planFormSchema`.
 */
export const revisionContentSchema = z.object({
  title: z.string(),
  type: z.enum(PLAN_TYPES),
  summary: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  goals: z.array(
    z.object({
      id: z.string().optional(),
      subject: z.enum(SUBJECTS),
      title: z.string(),
      successCriteria: z.string(),
      masteryDemonstration: z.string(),
      targetDate: z.string(),
      standardIds: z.array(z.string()),
      activities: z
        .array(
          z.object({
            id: z.string().optional(),
            description: z.string(),
            setting: z.enum(ACTIVITY_SETTINGS),
            timing: z.string(),
            withWhom: z.string(),
            resourceKind: z.enum(RESOURCE_KINDS),
            resource: z.string(),
            resourceUrl: z.string(),
          }),
        )
        .default([]),
    }),
  ),
});
export type RevisionContent = z.infer<typeof revisionContentSchema>;

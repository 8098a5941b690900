// One schema per form, shared by the client form and the server action.
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";
import { ACTIVITY_SETTINGS, PLAN_TYPES, RESOURCE_KINDS, SUBJECTS } from "./labels";

const id = z.string().trim().min(1).max(64);
const isoDate = (message: string) => z.iso.date({ error: message });

/** What the student will do toward a goal, where, when, with whom and with what. */
export const activityInputSchema = z
  .object({
    id: z.string().max(64).optional(),
    description: z.string().trim().min(1, "Say what you will do.").max(1000, "Keep this under 1,000 characters."),
    setting: z.enum(ACTIVITY_SETTINGS, { error: "Choose where this happens." }),
    timing: z.string().trim().max(200, "Keep this under 200 characters."),
    withWhom: z.string().trim().max(200, "Keep this under 200 characters."),
    resourceKind: z.enum(RESOURCE_KINDS, { error: "Choose a kind of resource." }),
    resource: z.string().trim().max(300, "Keep this under 300 characters."),
    resourceUrl: z.string().trim().max(2000, "That link is too long."),
  })
  .superRefine((a, ctx) => {
    if (a.resourceKind === "LINK") {
      // Only web links: a javascript: or data: address is never stored.
      if (!z.url({ protocol: /^https?$/ }).safeParse(a.resourceUrl).success) {
        ctx.addIssue({ code: "custom", path: ["resourceUrl"], message: "Enter a full web address starting with https://" });
      }
    } else if (a.resourceKind !== "NONE" && a.resource.length === 0) {
      ctx.addIssue({ code: "custom", path: ["resource"], message: "Name the resource." });
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

/** A new goal as the plan form adds it (a plain module, so server pages can spread it too). */
export const EMPTY_GOAL: GoalInput = {
  subject: "ELA",
  title: "",
  successCriteria: "",
  masteryDemonstration: "",
  targetDate: "",
  standardIds: [],
  activities: [],
};

export const EMPTY_ACTIVITY: ActivityInput = {
  description: "",
  setting: "IN_SCHOOL",
  timing: "",
  withWhom: "",
  resourceKind: "NONE",
  resource: "",
  resourceUrl: "",
};

export const goalInputSchema = z.object({
  id: z.string().max(64).optional(),
  subject: z.enum(SUBJECTS, { error: "Choose a subject." }),
  title: z.string().trim().min(1, "Describe the goal.").max(300, "Keep the goal under 300 characters."),
  successCriteria: z.string().trim().min(1, "Say what success looks like.").max(2000, "Keep this under 2,000 characters."),
  masteryDemonstration: z.string().trim().min(1, "Say how mastery will be shown.").max(2000, "Keep this under 2,000 characters."),
  targetDate: z.union([z.literal(""), isoDate("Enter a valid date.")]),
  standardIds: z.array(id).max(10, "Link at most 10 standards."),
  activities: z.array(activityInputSchema).max(20, "A goal can have at most 20 activities."),
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export const planFormSchema = z
  .object({
    title: z.string().trim().min(1, "Give the plan a title.").max(200, "Keep the title under 200 characters."),
    type: z.enum(PLAN_TYPES, { error: "Choose a plan type." }),
    summary: z.string().trim().max(4000, "Keep the summary under 4,000 characters."),
    startsOn: isoDate("Choose a start date."),
    endsOn: isoDate("Choose an end date."),
    goals: z.array(goalInputSchema).min(1, "Add at least one goal.").max(30, "A plan can have at most 30 goals."),
    /** Sent by the form when it creates a plan (lib/idempotency); editing ignores it. */
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((p) => p.endsOn >= p.startsOn, {
    path: ["endsOn"],
    message: "The end date must be on or after the start date.",
  })
  // The form never repeats an id; only a tampered request does, and it gets a message, not a 500.
  .refine((p) => unique(p.goals.flatMap((g) => (g.id ? [g.id] : []))), {
    path: ["goals"],
    message: "A goal appears twice. Reload the page.",
  })
  .refine((p) => unique(p.goals.flatMap((g) => g.activities.flatMap((a) => (a.id ? [a.id] : [])))), {
    path: ["goals"],
    message: "An activity appears twice. Reload the page.",
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
    note: z.string().trim().max(4000, "Keep the note under 4,000 characters."),
  })
  .refine((t) => t.transition !== "requestChanges" || t.note.length > 0, {
    path: ["note"],
    message: "Tell the student what to change.",
  })
  // Taking back an approval or a completion is explained to the student and the family.
  .refine((t) => (t.transition !== "sendBack" && t.transition !== "reopen") || t.note.length > 0, {
    path: ["note"],
    message: "Tell the student why.",
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

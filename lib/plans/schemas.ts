// One schema per form, shared by the client form and the server action.
import { z } from "zod";
import { PLAN_TYPES, SUBJECTS } from "./labels";

const id = z.string().trim().min(1).max(64);
const isoDate = (message: string) => z.iso.date({ error: message });

export const goalInputSchema = z.object({
  id: z.string().max(64).optional(),
  subject: z.enum(SUBJECTS, { error: "Choose a subject." }),
  title: z.string().trim().min(1, "Describe the goal.").max(300, "Keep the goal under 300 characters."),
  successCriteria: z.string().trim().min(1, "Say what success looks like.").max(2000, "Keep this under 2,000 characters."),
  masteryDemonstration: z.string().trim().min(1, "Say how mastery will be shown.").max(2000, "Keep this under 2,000 characters."),
  targetDate: z.union([z.literal(""), isoDate("Enter a valid date.")]),
  standardIds: z.array(id).max(10, "Link at most 10 standards."),
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
  })
  .refine((p) => p.endsOn >= p.startsOn, {
    path: ["endsOn"],
    message: "The end date must be on or after the start date.",
  });
export type PlanFormInput = z.infer<typeof planFormSchema>;

export const planUpdateSchema = z.object({ planId: id, version: z.number().int().positive(), plan: planFormSchema });

export const TRANSITIONS = ["submit", "startReview", "requestChanges", "approve", "complete", "archive"] as const;
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
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const commentSchema = z.object({
  planId: id,
  body: z.string().trim().min(1, "Write a comment first.").max(4000, "Keep the comment under 4,000 characters."),
});
export type CommentInput = z.infer<typeof commentSchema>;

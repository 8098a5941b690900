// One schema per form, shared by the client form and the server action. A template's goals
// are a plan form's goals without ids: they become new goals in each plan made from it.
import { z } from "zod";
import { activityInputSchema, goalInputSchema, storedActivity } from "@/lib/plans/schemas";
import { ACTIVITY_SETTINGS, PLAN_TYPES, RESOURCE_KINDS, SUBJECTS } from "@/lib/plans/labels";

const id = z.string().trim().min(1).max(64);
const isoDate = (message: string) => z.iso.date({ error: message });

// A target date belongs to one plan, not to a template used across terms.
export const templateGoalSchema = goalInputSchema.omit({ id: true, targetDate: true }).extend({
  // Suggested activities and resources; an id a browser sends along is dropped when stored.
  activities: z.array(activityInputSchema).max(20, "templates.validation.tooManyActivities"),
});
export type TemplateGoal = z.infer<typeof templateGoalSchema>;

export { EMPTY_TEMPLATE_GOAL } from "./blanks";

export const templateFormSchema = z.object({
  name: z.string().trim().min(1, "templates.validation.nameRequired").max(200, "templates.validation.nameTooLong"),
  type: z.enum(PLAN_TYPES, { error: "templates.validation.typeRequired" }),
  description: z.string().trim().max(4000, "templates.validation.descriptionTooLong"),
  goals: z.array(templateGoalSchema).min(1, "templates.validation.goalsRequired").max(30, "templates.validation.tooManyGoals"),
});
export type TemplateFormInput = z.infer<typeof templateFormSchema>;

export const templateUpdateSchema = z.object({ templateId: id, version: z.number().int().positive(), template: templateFormSchema });
export type TemplateUpdateInput = z.infer<typeof templateUpdateSchema>;

export const templateArchiveSchema = z.object({ templateId: id, version: z.number().int().positive() });

export const applySchema = z
  .object({
    templateId: id,
    classId: z.string().trim().min(1, "templates.validation.classRequired").max(64),
    startsOn: isoDate("templates.validation.startRequired"),
    endsOn: isoDate("templates.validation.endRequired"),
  })
  .refine((a) => a.endsOn >= a.startsOn, { path: ["endsOn"], message: "templates.validation.endBeforeStart" });
export type ApplyInput = z.infer<typeof applySchema>;

export const syncSchema = z.object({ applicationId: id });
export const startFromTemplateSchema = z.object({ templateId: id });
export const unlinkSchema = z.object({ planId: id });

/**
 * A stored template's goals read back. Lenient on purpose, like a revision's content:
 * templates saved before activities existed have no activities, standards or dates.
 */
export const storedGoalsSchema = z.array(
  z.object({
    subject: z.enum(SUBJECTS),
    title: z.string(),
    successCriteria: z.string(),
    masteryDemonstration: z.string(),
    targetDate: z.string().default(""),
    standardIds: z.array(z.string()).default([]),
    activities: z
      .array(
        z.object({
          description: z.string(),
          setting: z.enum(ACTIVITY_SETTINGS),
          timing: z.string().default(""),
          withWhom: z.string().default(""),
          resourceKind: z.enum(RESOURCE_KINDS).default("NONE"),
          resource: z.string().default(""),
          resourceUrl: z.string().default(""),
        }),
      )
      .default([]),
  }),
);
export type StoredGoal = z.infer<typeof storedGoalsSchema>[number];

/** Goals as stored: no ids anywhere, and nothing the browser added. */
export function goalsToStore(goals: readonly TemplateGoal[]): StoredGoal[] {
  return goals.map((g) => ({
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: "",
    standardIds: [...new Set(g.standardIds)],
    activities: g.activities.map(storedActivity),
  }));
}

/** A stored template's goals, or none when the stored value is not goals at all. */
export function readGoals(raw: unknown): StoredGoal[] {
  const parsed = storedGoalsSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

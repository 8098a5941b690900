// Inputs of deleting, restoring and teacher-started plans, shared by the buttons and the actions.
import { z } from "zod";
import { planFormSchema } from "./schemas";

const id = z.string().trim().min(1).max(64);

/** Deleting names the version the student saw, so a draft someone just changed is not deleted unseen. */
export const deletePlanSchema = z.object({ planId: id, version: z.number().int().positive() });
export type DeletePlanInput = z.infer<typeof deletePlanSchema>;

export const restorePlanSchema = z.object({ planId: id });
export type RestorePlanInput = z.infer<typeof restorePlanSchema>;

/** A teacher starts a plan for one of their students: the plan form, and whose it is. */
export const planForStudentSchema = z.object({ studentId: id, plan: planFormSchema });

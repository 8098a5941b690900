// What a "Show the working" request carries: ids only, each checked against the actor in lib.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const goalWorkingSchema = z.object({ goalId: id });
export const standardWorkingSchema = z.object({ studentId: id, standardId: id });

export type GoalWorkingInput = z.input<typeof goalWorkingSchema>;
export type StandardWorkingInput = z.input<typeof standardWorkingSchema>;

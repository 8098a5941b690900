// A guardian's "I have read this plan": shared by the button and the action.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

/**
 * `version` is the plan version (its latest revision's number) the guardian read: a plan that
 * changed since they opened it is not acknowledged unseen.
 */
export const acknowledgePlanSchema = z.object({ planId: id, version: z.number().int().positive() });
export type AcknowledgePlanInput = z.infer<typeof acknowledgePlanSchema>;

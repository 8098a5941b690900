// One schema for the mastery policy form, shared by the form (components/mastery-admin) and the
// server action; lib/mastery/policy-commands.ts parses again and checks access and the scale.
import { z } from "zod";
import { masteryMethodSchema } from "./methods";

const id = z.string().trim().max(64);

export const policyFormSchema = z.object({
  /** The district or school whose policy this is (a framework's policy lives on the framework's owner). */
  organizationId: id.min(1, "Choose a school or the district."),
  /** Empty for the organization's own policy; a framework's id for that framework's standards. */
  frameworkId: id,
  scaleId: id.min(1, "Choose a scale."),
  method: masteryMethodSchema,
  /** The version the form loaded; absent when the organization or framework has no policy of its own yet. */
  version: z.number().int().positive().optional(),
});
export type PolicyFormInput = z.input<typeof policyFormSchema>;

export const removePolicySchema = z.object({ policyId: id.min(1), version: z.number().int().positive() });
export type RemovePolicyInput = z.input<typeof removePolicySchema>;

// Input of the agreement commands: one schema per form, shared by the form and its action.
import { z } from "zod";
import { agreementDraftSchema, boardPolicySchema } from "./elements";

const id = z.string().trim().min(1).max(64);
const version = z.number().int().positive();

export const startAgreementSchema = z.object({ planId: id });

export const agreementFormSchema = z.object({
  elements: agreementDraftSchema,
  supervisingTeacherId: z.union([z.literal(""), id]),
  assistants: z
    .array(z.object({ userId: id, role: z.string().trim().max(120, "Keep the role under 120 characters.") }))
    .max(10, "At most 10 people."),
});
export type AgreementFormInput = z.infer<typeof agreementFormSchema>;

export const saveAgreementSchema = agreementFormSchema.extend({ planId: id, version });
export const sendAgreementSchema = z.object({ planId: id, version });

export const signAgreementSchema = z.object({
  planId: id,
  /** The hash of the revision the signer read: a newer one means they have not read what they would sign. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Reload the agreement and read it before signing."),
  typedName: z.string().trim().min(1, "Type your full name.").max(120, "Keep your name under 120 characters."),
  agree: z.literal(true, { error: "Confirm that you agree to this agreement." }),
});
export type SignAgreementInput = z.infer<typeof signAgreementSchema>;

export const studyPolicyFormSchema = boardPolicySchema.extend({ organizationId: id, version: version.optional() });

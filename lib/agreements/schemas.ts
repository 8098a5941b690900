// Input of the agreement commands: one schema per form, shared by the form and its action.
import { z } from "zod";
import { agreementDraftSchema, boardPolicySchema, CORE_SUBJECTS } from "./elements";
import { GRADE_KEYS } from "./settings-schemas";

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
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "agreements.validation.reloadBeforeSigning"),
  typedName: z.string().trim().min(1, "agreements.validation.typeFullName").max(120, "agreements.validation.nameTooLong"),
  agree: z.literal(true, { error: "agreements.validation.confirmAgree" }),
});
export type SignAgreementInput = z.infer<typeof signAgreementSchema>;

/**
 * The board's policies as the admin form edits them (lib/agreements/settings-commands.ts stores
 * them as boardPolicySchema's shape): the maximum days per grade as a list in GRADE_KEYS order,
 * because form libraries read "maxDaysToDue.1" as a list index anyway.
 */
export const studyPolicyFormSchema = z.object({
  /** The district or school whose policy this is. */
  organizationId: id,
  maxDaysToDue: z
    .array(
      z
        .number({ error: "Enter a number of school days." })
        .int("Enter whole school days.")
        .min(1, "At least 1 school day.")
        .max(60, "At most 60 school days."),
    )
    .length(GRADE_KEYS.length, "Give a maximum for every grade."),
  missedAssignmentsLimit: z
    .number({ error: "Enter a number of missed assignments." })
    .int("Enter a whole number.")
    .min(1, "At least 1 missed assignment.")
    .max(20, "At most 20 missed assignments."),
  satisfactoryProgress: boardPolicySchema.shape.satisfactoryProgress,
  /** Which core subjects every agreement must cover; none ticked means the admin chose none. */
  requiredSubjects: z.array(z.enum(CORE_SUBJECTS, { error: "Choose core subjects only." })).max(CORE_SUBJECTS.length),
  /** The version the form loaded; absent when the organization had no policy of its own. */
  version: version.optional(),
});
export type StudyPolicyFormInput = z.input<typeof studyPolicyFormSchema>;

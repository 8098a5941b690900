// The forms of the work under an agreement: one schema per form, shared by the form in the
// browser and by the commands in lib/agreements/work.ts (which is server-only).
import { z } from "zod";
import { SUBJECTS } from "@/lib/plans/labels";

const day = z.iso.date({ error: "Enter a date." });

export const assignmentFormSchema = z.object({
  subject: z.enum(SUBJECTS, { error: "Choose a subject." }),
  title: z.string().trim().min(1, "Give the assignment a title.").max(200, "Keep the title under 200 characters."),
  description: z.string().trim().max(4000, "Keep the description under 4,000 characters."),
  assignedOn: day,
  dueOn: day,
});
export type AssignmentFormInput = z.input<typeof assignmentFormSchema>;

export const evaluationFormSchema = z
  .object({
    outcome: z.enum(["CONTINUE_WITH_CHANGES", "RETURN_TO_CLASSROOM"], { error: "Choose the outcome." }),
    notes: z.string().trim().min(1, "Write what was decided and why.").max(4000, "Keep the notes under 4,000 characters."),
    returnOn: z.union([z.literal(""), day]),
  })
  .refine((r) => r.outcome !== "RETURN_TO_CLASSROOM" || r.returnOn !== "", {
    path: ["returnOn"],
    message: "Give the date of the return to the classroom.",
  });
export type EvaluationFormInput = z.input<typeof evaluationFormSchema>;

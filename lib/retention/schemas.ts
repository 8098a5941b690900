// The retention forms: how long the district keeps records of students who left, and the typed
// confirmation that deletes the students listed as due.
import { z } from "zod";

export { countMatches } from "./confirm";

export const MAX_KEEP_MONTHS = 600;
const KEEP_MONTHS_MESSAGE = `Enter a whole number of months from 1 to ${MAX_KEEP_MONTHS}, or leave it blank to keep records until someone deletes them.`;

/** Blank keeps records until deleted by hand; otherwise whole months. The form sends text. */
export const retentionPolicySchema = z.object({
  keepMonths: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_KEEP_MONTHS), KEEP_MONTHS_MESSAGE),
});
export type RetentionPolicyInput = z.infer<typeof retentionPolicySchema>;

export function keepMonthsOf(input: RetentionPolicyInput): number | null {
  return input.keepMonths === "" ? null : Number(input.keepMonths);
}

export const CONFIRM_COUNT_MISMATCH = "Type the number of students listed to confirm.";

/** The students the page listed, and the number of them the admin typed. */
export const deleteDueSchema = z.object({
  studentIds: z.array(z.string().trim().min(1).max(64)).min(1).max(100),
  confirmCount: z.string().trim().min(1, CONFIRM_COUNT_MISMATCH).max(10, CONFIRM_COUNT_MISMATCH),
});
export type DeleteDueInput = z.infer<typeof deleteDueSchema>;

import { z } from "zod";
import { CONFIRM_NAME_MISMATCH } from "./confirm";

export { CONFIRM_NAME_MISMATCH, namesMatch } from "./confirm";

const id = z.string().trim().min(1).max(64);

export const linkGuardianSchema = z.object({
  guardianId: id,
  studentId: id,
  relationship: z.string().trim().min(1, "Say how they are related.").max(60, "Keep this under 60 characters."),
});
export type LinkGuardianInput = z.infer<typeof linkGuardianSchema>;

/**
 * Deleting someone for good: the admin types the person's full name. The name itself is checked
 * against the database by the command; the form checks it too, with the same words.
 */
export const deletePersonSchema = z.object({
  userId: id,
  confirmName: z.string().trim().min(1, "Type their full name to confirm.").max(200, CONFIRM_NAME_MISMATCH),
});
export type DeletePersonInput = z.infer<typeof deletePersonSchema>;

export const switchMembershipSchema = z.object({ membershipId: id });

import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const linkGuardianSchema = z.object({
  guardianId: id,
  studentId: id,
  relationship: z.string().trim().min(1, "Say how they are related.").max(60, "Keep this under 60 characters."),
});
export type LinkGuardianInput = z.infer<typeof linkGuardianSchema>;

/** Said by the field when the typed name is not the person's (the form checks, and the server again). */
export const CONFIRM_NAME_MISMATCH = "That is not their full name. Type it exactly as shown to confirm.";

/**
 * Deleting someone for good: the admin types the person's full name. The name itself is checked
 * against the database by the command; the form checks it too, with the same words.
 */
export const deletePersonSchema = z.object({
  userId: id,
  confirmName: z.string().trim().min(1, "Type their full name to confirm.").max(200, CONFIRM_NAME_MISMATCH),
});
export type DeletePersonInput = z.infer<typeof deletePersonSchema>;

/** Whether what was typed is the name: spaces and letter case aside, so "diego  ramirez" is Diego Ramirez. */
export function namesMatch(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(name);
}

export const switchMembershipSchema = z.object({ membershipId: id });

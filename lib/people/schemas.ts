import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const linkGuardianSchema = z.object({
  guardianId: id,
  studentId: id,
  relationship: z.string().trim().min(1, "Say how they are related.").max(60, "Keep this under 60 characters."),
});
export type LinkGuardianInput = z.infer<typeof linkGuardianSchema>;

export const deletePersonSchema = z.object({ userId: id });

export const switchMembershipSchema = z.object({ membershipId: id });

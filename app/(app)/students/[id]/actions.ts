"use server";

// Comments on a student's learner profile (teachers of the student only; lib decides).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addProfileComment } from "@/lib/profiles/commands";
import { profileCommentSchema } from "@/lib/profiles/schemas";

export async function addProfileCommentAction(input: unknown) {
  const result = await runAction(profileCommentSchema, input, addProfileComment);
  if (result.ok) {
    const studentId = (input as { studentId?: unknown }).studentId;
    if (typeof studentId === "string") revalidatePath(`/students/${studentId}`);
    revalidatePath("/profile");
  }
  return result;
}

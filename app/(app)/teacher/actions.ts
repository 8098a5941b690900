"use server";

// Server actions of the teacher's home. Each is a public endpoint: runAction parses the input with
// the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { rateRecord } from "@/lib/records/review";
import { recordRatingSchema } from "@/lib/records/review-schemas";

export async function rateRecordAction(input: unknown) {
  const result = await runAction(recordRatingSchema, input, rateRecord);
  // The home's counts, the record's page and the student's progress all change.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

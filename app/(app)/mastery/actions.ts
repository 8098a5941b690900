"use server";

// "Show the working" for a level on any page: reads only, each a public endpoint that parses its
// ids and lets lib/mastery/working.ts decide whether the actor may see them (NOT_FOUND if not).
import { runAction } from "@/lib/auth/action";
import { goalWorkingSchema, standardWorkingSchema } from "@/lib/mastery/schemas";
import { goalWorking, standardWorking } from "@/lib/mastery/working";

export async function goalWorkingAction(input: unknown) {
  return runAction(goalWorkingSchema, input, (actor, { goalId }) => goalWorking(actor, goalId));
}

export async function standardWorkingAction(input: unknown) {
  return runAction(standardWorkingSchema, input, (actor, { studentId, standardId }) => standardWorking(actor, studentId, standardId));
}

"use server";

// Server actions for the independent study settings. Each is a public endpoint: runAction parses
// the input with the form's schema and finds the actor; the lib command authorizes them against
// the district or the schools they administer.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { studyPolicyFormSchema } from "@/lib/agreements/schemas";
import {
  addClosure,
  removeClosure,
  removeStudyPolicy,
  setSchoolYear,
  setStudyPolicy,
  followDistrictSchoolYear,
} from "@/lib/agreements/settings-commands";
import {
  closureFormSchema,
  districtYearSchema,
  removeClosureSchema,
  removeStudyPolicySchema,
  schoolYearFormSchema,
} from "@/lib/agreements/settings-schemas";

async function refreshing<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const done = await result;
  if (done.ok) revalidatePath("/admin/independent-study", "layout");
  return done;
}

export async function saveStudyPolicyAction(input: unknown) {
  return refreshing(runAction(studyPolicyFormSchema, input, setStudyPolicy));
}

export async function removeStudyPolicyAction(input: unknown) {
  return refreshing(runAction(removeStudyPolicySchema, input, removeStudyPolicy));
}

export async function saveSchoolYearAction(input: unknown) {
  return refreshing(runAction(schoolYearFormSchema, input, setSchoolYear));
}

export async function districtSchoolYearAction(input: unknown) {
  return refreshing(runAction(districtYearSchema, input, followDistrictSchoolYear));
}

export async function addClosureAction(input: unknown) {
  return refreshing(runAction(closureFormSchema, input, addClosure));
}

export async function removeClosureAction(input: unknown) {
  return refreshing(runAction(removeClosureSchema, input, removeClosure));
}

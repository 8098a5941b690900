// Input of the independent study settings (admin): the school year and the closures, one schema
// per form shared by the form (components/study-admin) and its action. The board's policies form
// is studyPolicyFormSchema in ./schemas.ts.
import { z } from "zod";
import { CORE_SUBJECTS, GRADE_KEYS, type GradeKey } from "./lists";

export { GRADE_KEYS, type GradeKey } from "./lists";

const id = z.string().trim().min(1).max(64);
const day = (message: string) => z.iso.date({ error: message });
/** A date as the form loaded it ("" when none was set): a different one now means someone changed it. */
const loadedDay = z.union([z.literal(""), z.iso.date()]);

export const schoolYearFormSchema = z
  .object({
    organizationId: id,
    startsOn: day("Enter the first day of the school year."),
    endsOn: day("Enter the last day of the school year."),
    /** The organization's own dates when the form opened, to catch another admin's change. */
    loaded: z.object({ startsOn: loadedDay, endsOn: loadedDay }),
  })
  .refine((y) => y.endsOn > y.startsOn, { path: ["endsOn"], message: "The school year must end after it starts." })
  // A typo in the year (2062 for 2026) would make every later agreement check meaningless.
  .refine((y) => daysBetween(y.startsOn, y.endsOn) <= 400, {
    path: ["endsOn"],
    message: "A school year lasts at most 400 days: check the year of each date.",
  });
export type SchoolYearFormInput = z.input<typeof schoolYearFormSchema>;

/** A school stops overriding the district's school year. */
export const districtYearSchema = z.object({
  organizationId: id,
  loaded: z.object({ startsOn: loadedDay, endsOn: loadedDay }),
});
export type DistrictYearInput = z.input<typeof districtYearSchema>;

export const closureFormSchema = z.object({
  organizationId: id,
  day: day("Enter the date the school is closed."),
  name: z.string().trim().min(1, "Name the closure, such as Winter break.").max(120, "Keep the name under 120 characters."),
});
export type ClosureFormInput = z.input<typeof closureFormSchema>;

export const removeClosureSchema = z.object({ closureId: id });
export type RemoveClosureInput = z.input<typeof removeClosureSchema>;

export const removeStudyPolicySchema = z.object({ policyId: id, version: z.number().int().positive() });
export type RemoveStudyPolicyInput = z.input<typeof removeStudyPolicySchema>;

export function isCoreSubject(subject: string): subject is (typeof CORE_SUBJECTS)[number] {
  return (CORE_SUBJECTS as readonly string[]).includes(subject);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The maximum days per grade in few words, runs of equal grades joined: "K–3: 5 · 4–8: 10 ·
 * 9–12: 15"; a grade without a maximum reads "none".
 */
export function describeMaxDays(maxDaysToDue: Readonly<Record<string, number>>): string {
  const runs: { from: GradeKey; to: GradeKey; days: number | undefined }[] = [];
  for (const grade of GRADE_KEYS) {
    const days = maxDaysToDue[grade];
    const last = runs.at(-1);
    if (last && last.days === days) last.to = grade;
    else runs.push({ from: grade, to: grade, days });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`}: ${r.days ?? "none"}`).join(" · ");
}

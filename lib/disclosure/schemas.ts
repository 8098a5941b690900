// The filters of the "Who saw what" page, read from its search params (and the CSV's): anything
// malformed is simply no filter, never an error page.
import { z } from "zod";
import { ACTION_LABEL } from "./words";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()));
const text = z.string().trim().max(100);

export const disclosureFilterSchema = z.object({
  student: text.catch(""),
  person: text.catch(""),
  action: z
    .enum(Object.keys(ACTION_LABEL) as [string, ...string[]])
    .or(z.literal(""))
    .catch(""),
  from: day.or(z.literal("")).catch(""),
  to: day.or(z.literal("")).catch(""),
  outcome: z.enum(["", "allowed", "refused"]).catch(""),
});
export type DisclosureFilters = z.infer<typeof disclosureFilterSchema>;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Filters from search params (a page's or a route's URLSearchParams). */
export function filtersOf(params: Record<string, string | string[] | undefined> | URLSearchParams): DisclosureFilters {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? "") : one(params[k]));
  return disclosureFilterSchema.parse({
    student: get("student"),
    person: get("person"),
    action: get("action"),
    from: get("from"),
    to: get("to"),
    outcome: get("outcome"),
  });
}

/** The filters as a query string (blank ones left out), for links and the CSV. */
export function filterQuery(f: DisclosureFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

// The grid's filters as they arrive in a page's or the CSV route's query string: parsed, never trusted.
import { z } from "zod";
import { SUBJECTS } from "@/lib/plans/labels";
import type { GridOptions } from "./class-grid";

const text = z.string().trim().max(200);

export const gridQuerySchema = z.object({
  framework: text.optional().catch(undefined),
  domain: text.optional().catch(undefined),
  /** Absent: the class's own subject; "ALL": every subject. */
  subject: z
    .enum([...SUBJECTS, "ALL"])
    .optional()
    .catch(undefined),
  notYet: z.literal("1").optional().catch(undefined),
  sort: text.optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  standard: text.optional().catch(undefined),
});
export type GridQuery = z.output<typeof gridQuerySchema>;

type Params = Record<string, string | string[] | undefined>;

/** The first value of each known parameter; anything malformed is dropped (a bad link shows the whole grid). */
export function gridQueryOf(params: Params | URLSearchParams): GridQuery {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    const one = Array.isArray(v) ? v[0] : v;
    return one === "" || one === null ? undefined : one;
  };
  return gridQuerySchema.parse(Object.fromEntries(Object.keys(gridQuerySchema.shape).map((k) => [k, get(k)])));
}

export function gridOptionsOf(q: GridQuery): GridOptions {
  return {
    frameworkId: q.framework,
    domainId: q.domain,
    subject: q.subject === "ALL" ? undefined : (q.subject ?? "class"),
    notYet: q.notYet === "1",
    sort: q.sort ?? "name",
    dir: q.dir ?? "asc",
  };
}

/** The query string for these filters (empty values left out). */
export function gridQueryString(q: GridQuery): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (typeof v === "string" && v) out.set(k, v);
  const s = out.toString();
  return s ? `?${s}` : "";
}

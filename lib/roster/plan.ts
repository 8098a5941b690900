// Plans an import: compares the parsed files with what the district holds now and decides
// every change (matching by sourcedId, never by name) before anything is written. The same
// plan is the dry run's report and, made again inside the apply's transaction, the apply.
import "server-only";
import type { Tx } from "@/lib/db";
import type { ParsedRoster } from "./parse";
import { planClasses, planCourses, planOrgs, planSessions } from "./plan-catalog";
import { noChanges, type Changes, type PlanContext, type Refs } from "./plan-context";
import { planEnrollments } from "./plan-enrollments";
import { planLinks, planUsers } from "./plan-people";
import { emptyCounts, STORED_ERRORS, type EntityCounts, type RosterEntity, type RosterReport } from "./report";
import { FILE_NAME, ROSTER_FILES } from "./spec";
import { emailsElsewhere, loadDistrict } from "./state";
import { emailOf, utcDays } from "./values";

export type RosterPlan = { report: RosterReport; changes: Changes };

const FILE_ORDER = new Map<string, number>(ROSTER_FILES.map((f, i) => [FILE_NAME[f], i]));

function reportOf(parsed: ParsedRoster, counts: Record<RosterEntity, EntityCounts>): RosterReport {
  const { problems } = parsed;
  const errors = [...problems.rows].sort((a, b) => (FILE_ORDER.get(a.file) ?? 0) - (FILE_ORDER.get(b.file) ?? 0) || a.line - b.line);
  return {
    files: parsed.files,
    counts,
    notes: [...problems.notes],
    fileErrors: [...problems.fileErrors],
    errors: errors.slice(0, STORED_ERRORS),
    errorCount: errors.length,
  };
}

const unresolved = () => ({ ok: false as const, reason: "not read" });

export async function planRoster(tx: Tx, districtId: string, parsed: ParsedRoster, now = new Date()): Promise<RosterPlan> {
  if (parsed.problems.fileErrors.length) return { report: reportOf(parsed, emptyCounts()), changes: noChanges() };
  const state = await loadDistrict(tx, districtId);
  const emails = parsed.rows.users.flatMap((r) => {
    const email = emailOf(r.values.email ?? "");
    return email ? [email] : [];
  });
  const elsewhere = await emailsElsewhere(tx, districtId, emails);
  const refs: Refs = { org: unresolved, session: unresolved, course: unresolved, class: unresolved, user: unresolved };
  const ctx: PlanContext = {
    districtId,
    state,
    parsed,
    problems: parsed.problems,
    counts: emptyCounts(),
    changes: noChanges(),
    refs,
    users: new Map(),
    now,
    ...utcDays(now),
  };
  planOrgs(ctx);
  const noteUnusedSessions = planSessions(ctx);
  planCourses(ctx);
  planClasses(ctx);
  noteUnusedSessions();
  const deactivated = planUsers(ctx, elsewhere);
  planLinks(ctx, deactivated);
  planEnrollments(ctx);
  // A problem with a whole file found while planning (another district's export) stops everything.
  if (parsed.problems.fileErrors.length) return { report: reportOf(parsed, emptyCounts()), changes: noChanges() };
  return { report: reportOf(parsed, ctx.counts), changes: ctx.changes };
}

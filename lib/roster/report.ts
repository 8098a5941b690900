// What a roster check or apply tells the admin: counts per entity, notes, the problems of
// whole files (nothing can be applied) and of single rows (those rows are skipped).
import type { FileMode } from "./spec";

export const ENTITIES = ["organizations", "terms", "courses", "classes", "people", "enrollments", "guardianLinks"] as const;
export type RosterEntity = (typeof ENTITIES)[number];

export const ENTITY_LABEL: Record<RosterEntity, string> = {
  organizations: "Schools and district",
  terms: "Terms",
  courses: "Courses",
  classes: "Classes",
  people: "People",
  enrollments: "Enrollments",
  guardianLinks: "Guardian links",
};

/** Entities a roster can end: the others are kept when an export no longer lists them. */
export const DEACTIVATABLE: ReadonlySet<RosterEntity> = new Set(["people", "enrollments", "guardianLinks"]);

export type EntityCounts = { created: number; updated: number; deactivated: number; unchanged: number };

export type FileProblem = { file: string; line?: number; reason: string };
export type RowProblem = { file: string; line: number; reason: string };

export type RosterReport = {
  files: { name: string; mode: FileMode; rows: number }[];
  counts: Record<RosterEntity, EntityCounts>;
  notes: string[];
  /** Problems with a whole file: while there are any, nothing can be applied. */
  fileErrors: FileProblem[];
  /** Rows that cannot be imported (capped for storage; `errorCount` is the total). */
  errors: RowProblem[];
  errorCount: number;
  /** Why applying failed (nothing was changed), when it did. */
  failure?: string;
};

/** A stored import and its report, as the check and the apply return them. */
export type CheckedImport = { id: string; report: RosterReport };

/** How many row problems a stored report keeps. */
export const STORED_ERRORS = 1000;

export function emptyCounts(): Record<RosterEntity, EntityCounts> {
  return Object.fromEntries(ENTITIES.map((e) => [e, { created: 0, updated: 0, deactivated: 0, unchanged: 0 }])) as Record<
    RosterEntity,
    EntityCounts
  >;
}

export function canApply(report: Pick<RosterReport, "fileErrors">): boolean {
  return report.fileErrors.length === 0;
}

export function totalChanges(report: Pick<RosterReport, "counts">): number {
  return ENTITIES.reduce((n, e) => n + report.counts[e].created + report.counts[e].updated + report.counts[e].deactivated, 0);
}

/** A one-line summary for the history, the audit log and the command line. */
export function summarize(report: Pick<RosterReport, "counts">): string {
  const sum = (k: keyof EntityCounts) => ENTITIES.reduce((n, e) => n + report.counts[e][k], 0);
  return `${sum("created")} created, ${sum("updated")} updated, ${sum("deactivated")} deactivated, ${sum("unchanged")} unchanged`;
}

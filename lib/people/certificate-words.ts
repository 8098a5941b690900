// What a deletion certificate counts, in the product's words. Kept apart from the queries so the
// page, the PDF and the tests say the same thing. The order is the order they are listed in.
export const REMOVED_KINDS = {
  plans: ["plan", "plans"],
  planRevisions: ["saved version of a plan", "saved versions of plans"],
  planChanges: ["proposed change", "proposed changes"],
  planEvents: ["plan history entry", "plan history entries"],
  goals: ["goal", "goals"],
  activities: ["activity", "activities"],
  evidence: ["piece of evidence", "pieces of evidence"],
  ratings: ["rating", "ratings"],
  comments: ["comment", "comments"],
  reflections: ["reflection", "reflections"],
  reflectionReplies: ["reply to a reflection", "replies to reflections"],
  acknowledgments: ["family acknowledgment", "family acknowledgments"],
  agreements: ["independent study agreement", "independent study agreements"],
  agreementRevisions: ["version of an agreement", "versions of agreements"],
  signatures: ["signature", "signatures"],
  assignments: ["independent study assignment", "independent study assignments"],
  evaluations: ["independent study evaluation", "independent study evaluations"],
  learningRecords: ["learning record", "learning records"],
  attachments: ["learning record attachment", "learning record attachments"],
  recordRatings: ["rating of a learning record", "ratings of learning records"],
  recordHistory: ["learning record history entry", "learning record history entries"],
  statements: ["statement from a learning tool", "statements from learning tools"],
  profile: ["learner profile", "learner profiles"],
  profileRevisions: ["saved version of the learner profile", "saved versions of the learner profile"],
  profileComments: ["comment on the learner profile", "comments on the learner profile"],
  mastery: ["stored mastery result", "stored mastery results"],
  learningGroups: ["place in a learning group", "places in learning groups"],
  notifications: ["notification", "notifications"],
  guardianLinks: ["family link", "family links"],
  enrollments: ["class enrollment", "class enrollments"],
  memberships: ["role", "roles"],
  identities: ["single sign-on identity", "single sign-on identities"],
  sessions: ["sign-in session", "sign-in sessions"],
  settings: ["saved setting", "saved settings"],
  disclosures: ["entry in who saw what", "entries in who saw what"],
} as const satisfies Record<string, readonly [string, string]>;

export type RemovedKind = keyof typeof REMOVED_KINDS;
/** Counts per kind, and the files (evidence and learning record attachments) with their bytes. */
export type Removed = Record<RemovedKind, number> & { files: number; bytes: number };

export const REASON_LABEL: Record<string, string> = {
  request: "Deleted on request",
  retention: "Past the district's retention period",
};

/** Said on every certificate, on the page and in the PDF. */
export const WHAT_STAYS =
  "What this person wrote on other people's records (comments, ratings, plan history) stays, shown as by a former member. " +
  "A name this person typed to sign an agreement or acknowledge a plan of another student stays on that signed record, as part of it. " +
  "Roster files the district uploaded keep whatever its student information system sent until the import is removed. " +
  "The audit log keeps a line that a person was deleted, without their name.";

/** "1 plan", "3 plans" */
export function countText(n: number, [one, many]: readonly [string, string]): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "2.4 MB" */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The certificate's list in words: each kind that had anything, then the files. Old or odd JSON reads as zero. */
export function removedLines(raw: unknown): string[] {
  const removed = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const n = (k: string) => (typeof removed[k] === "number" && Number.isFinite(removed[k]) ? (removed[k] as number) : 0);
  const lines = (Object.keys(REMOVED_KINDS) as RemovedKind[]).flatMap((k) => (n(k) > 0 ? [countText(n(k), REMOVED_KINDS[k])] : []));
  if (n("files") > 0) lines.push(`${countText(n("files"), ["file", "files"])} (${bytesText(n("bytes"))})`);
  return lines;
}

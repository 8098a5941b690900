// The shared state of planning an import: what the district holds, what the files say,
// the changes decided so far and how records are found by sourcedId.
import "server-only";
import type { EnrollmentRole, Role, Subject } from "@/lib/generated/prisma/enums.ts";
import type { ParsedRoster, Problems } from "./parse";
import type { EntityCounts, RosterEntity } from "./report";
import { FILE_NAME, type RosterFile, type UserRole } from "./spec";
import type { DistrictState } from "./state";

export type CourseRow = {
  id: string;
  schoolId: string;
  title: string;
  code: string | null;
  subject: Subject;
  gradeLevel: number | null;
  sourcedId: string;
};
export type ClassRow = {
  id: string;
  schoolId: string;
  courseId: string;
  termId: string | null;
  name: string;
  gradeLevel: number | null;
  sourcedId: string;
};
export type TermRow = { id: string; schoolId: string; name: string; startsOn: string; endsOn: string; sourcedId: string };
export type UserRow = { id: string; email: string; name: string; sourcedId: string; disable: boolean };
export type EnrollmentRow = {
  id: string;
  classId: string;
  userId: string;
  role: EnrollmentRole;
  beginsOn: string | null;
  endsOn: string | null;
  sourcedId: string;
};

/** Everything an apply writes, decided before anything is written. */
export type Changes = {
  claimDistrict: string | null;
  schools: { create: { id: string; name: string; sourcedId: string }[]; update: { id: string; name: string }[] };
  terms: { create: TermRow[]; update: TermRow[] };
  courses: { create: CourseRow[]; update: CourseRow[] };
  classes: { create: ClassRow[]; update: ClassRow[] };
  users: { create: UserRow[]; update: UserRow[] };
  memberships: { create: { id: string; userId: string; organizationId: string; role: Role }[]; reactivate: string[]; end: string[] };
  profiles: { create: { userId: string; gradeLevel: number }[]; update: { userId: string; gradeLevel: number }[] };
  enrollments: { create: EnrollmentRow[]; update: EnrollmentRow[]; end: string[] };
  links: {
    create: { id: string; guardianId: string; studentId: string; relationship: string }[];
    update: { id: string; relationship: string }[];
    remove: string[];
  };
};

export function noChanges(): Changes {
  return {
    claimDistrict: null,
    schools: { create: [], update: [] },
    terms: { create: [], update: [] },
    courses: { create: [], update: [] },
    classes: { create: [], update: [] },
    users: { create: [], update: [] },
    memberships: { create: [], reactivate: [], end: [] },
    profiles: { create: [], update: [] },
    enrollments: { create: [], update: [], end: [] },
    links: { create: [], update: [], remove: [] },
  };
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: string };

export type OrgRef = { id: string; type: "DISTRICT" | "SCHOOL" };
export type SessionRef = { title: string; startsOn: string; endsOn: string };
export type PlannedUser = { id: string; sourcedId: string; line: number; role: UserRole; agents: string[] };
/** A person an enrollment or a guardian link can point at; `role` is known for people in users.csv. */
export type UserRef = { id: string; role: UserRole | null; guardian: boolean; student: boolean };

export type Refs = {
  org: (sourcedId: string) => Resolved<OrgRef>;
  session: (sourcedId: string) => Resolved<SessionRef>;
  course: (sourcedId: string) => Resolved<{ id: string; schoolId: string }>;
  class: (sourcedId: string) => Resolved<{ id: string; schoolId: string }>;
  user: (sourcedId: string) => Resolved<UserRef>;
};

export type PlanContext = {
  districtId: string;
  state: DistrictState;
  parsed: ParsedRoster;
  problems: Problems;
  counts: Record<RosterEntity, EntityCounts>;
  changes: Changes;
  refs: Refs;
  /** Valid users.csv rows by sourcedId. */
  users: Map<string, PlannedUser>;
  now: Date;
  /** Today and yesterday as YYYY-MM-DD (UTC), as current() in lib/people/access.ts compares. */
  today: string;
  yesterday: string;
};

/**
 * Finds a record by sourcedId: among this export's valid rows, or, when the export does not
 * hold its whole file (absent or delta), among what earlier imports gave. The reason says
 * why not: a row with a problem, or an unknown id.
 */
export function resolver<T>(
  problems: Problems,
  file: RosterFile,
  label: string,
  fromFile: ReadonlyMap<string, T>,
  fromDb: ReadonlyMap<string, T> | null,
  why?: (sourcedId: string) => string | null,
): (sourcedId: string) => Resolved<T> {
  return (sourcedId) => {
    const value = fromFile.get(sourcedId) ?? fromDb?.get(sourcedId);
    if (value !== undefined) return { ok: true, value };
    const line = problems.failed[file].get(sourcedId);
    if (line !== undefined) return { ok: false, reason: `${label} "${sourcedId}" could not be imported (${FILE_NAME[file]} line ${line})` };
    return { ok: false, reason: why?.(sourcedId) ?? `unknown ${label} "${sourcedId}"` };
  };
}

/** Whether records missing from a file may be looked up in the database (the file is not a whole bulk file). */
export function partial(ctx: Pick<PlanContext, "parsed">, file: RosterFile): boolean {
  return ctx.parsed.modes[file] !== "bulk";
}

export function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

// What OneRoster 1.1 CSV says about the files Pathways reads: their names, their columns
// in the order consumers must require, and which fields a row must fill.

export const ROSTER_FILES = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments"] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];

export const FILE_NAME: Record<RosterFile, string> = {
  orgs: "orgs.csv",
  academicSessions: "academicSessions.csv",
  courses: "courses.csv",
  classes: "classes.csv",
  users: "users.csv",
  enrollments: "enrollments.csv",
};

export const MANIFEST = "manifest.csv";

const COMMON = ["sourcedId", "status", "dateLastModified"] as const;

export const HEADERS: Record<RosterFile, readonly string[]> = {
  orgs: [...COMMON, "name", "type", "identifier", "parentSourcedId"],
  academicSessions: [...COMMON, "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
  courses: [...COMMON, "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
  classes: [
    ...COMMON,
    "title",
    "grades",
    "courseSourcedId",
    "classCode",
    "classType",
    "location",
    "schoolSourcedId",
    "termSourcedIds",
    "subjects",
    "subjectCodes",
    "periods",
  ],
  users: [
    ...COMMON,
    "enabledUser",
    "orgSourcedIds",
    "role",
    "username",
    "userIds",
    "givenName",
    "familyName",
    "middleName",
    "identifier",
    "email",
    "sms",
    "phone",
    "agentSourcedIds",
    "grades",
    "password",
  ],
  enrollments: [...COMMON, "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
};

export const MANIFEST_HEADER = ["propertyName", "value"] as const;

/** Fields the spec requires on an active row (sourcedId is checked for every row). */
export const REQUIRED: Record<RosterFile, readonly string[]> = {
  orgs: ["name", "type"],
  academicSessions: ["title", "type", "startDate", "endDate", "schoolYear"],
  courses: ["title", "orgSourcedId"],
  classes: ["title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"],
  // Pathways also needs an email to sign people in; that is checked with its own message.
  users: ["enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName"],
  enrollments: ["classSourcedId", "schoolSourcedId", "userSourcedId", "role"],
};

/** Files of the spec that Pathways has no use for. demographics.csv is sensitive too. */
export const UNUSED_FILES = [
  "demographics.csv",
  "categories.csv",
  "classResources.csv",
  "courseResources.csv",
  "lineItems.csv",
  "resources.csv",
  "results.csv",
] as const;

export const ORG_TYPES = ["department", "school", "district", "local", "state", "national"] as const;
export const SESSION_TYPES = ["schoolYear", "term", "semester", "gradingPeriod"] as const;
export const USER_ROLES = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const GUARDIAN_ROLES: readonly UserRole[] = ["parent", "guardian", "relative"];

/** The source Pathways records on everything a OneRoster import gives. */
export const ROSTER_SOURCE = "oneroster";

export type FileMode = "bulk" | "delta" | "absent";

/** The spec's file name for a name as uploaded ("Users.CSV", "export/users.csv"). */
export function canonicalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const lower = base.toLowerCase();
  const known = [MANIFEST, ...Object.values(FILE_NAME), ...UNUSED_FILES].find((n) => n.toLowerCase() === lower);
  return known ?? base;
}

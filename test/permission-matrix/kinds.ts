// The kinds of caller the permission matrix checks every page, route and action against: the
// brief's ten (issue 11), plus the district's own admin (the only one a roster import lets through).
export const KINDS = [
  "anonymous",
  "student",
  "otherStudent",
  "guardian",
  "otherGuardian",
  "teacher",
  "otherTeacher",
  "admin",
  "otherAdmin",
  "districtAdmin",
  "disabled",
] as const;
export type Kind = (typeof KINDS)[number];

/** Everyone with a working session. */
export const SIGNED_IN: readonly Kind[] = KINDS.filter((k) => k !== "anonymous" && k !== "disabled");

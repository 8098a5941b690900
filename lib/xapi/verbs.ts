// The verbs that show a student completed or mastered something: a statement with one of these,
// about an activity, by a student of the tool's school, becomes a suggested learning record.
// Data, so adding a vocabulary is one line.
export const SUGGESTING_VERBS: ReadonlySet<string> = new Set([
  // ADL vocabulary (xAPI 1.0.3, also used by cmi5 and xAPI 2.0 profiles).
  "http://adlnet.gov/expapi/verbs/completed",
  "http://adlnet.gov/expapi/verbs/passed",
  "http://adlnet.gov/expapi/verbs/mastered",
  // The ADL vocabulary's w3id forms and cmi5's "satisfied" (the block or course's requirements met).
  "https://w3id.org/xapi/adl/verbs/completed",
  "https://w3id.org/xapi/adl/verbs/passed",
  "https://w3id.org/xapi/adl/verbs/mastered",
  "https://w3id.org/xapi/adl/verbs/satisfied",
  // Activity Streams, which some tools use.
  "http://activitystrea.ms/schema/1.0/complete",
]);

// What the plan form adds when asked for another goal or activity: plain values in a module
// without zod, so server pages can spread them too and the form's first load stays small
// (components/lazy-resolver.ts). Their shapes are ./schemas.ts's.
import type { ActivityInput, GoalInput } from "./schemas";

/** A new goal as the plan form adds it. */
export const EMPTY_GOAL: GoalInput = {
  subject: "ELA",
  title: "",
  successCriteria: "",
  masteryDemonstration: "",
  targetDate: "",
  standardIds: [],
  activities: [],
};

export const EMPTY_ACTIVITY: ActivityInput = {
  description: "",
  setting: "IN_SCHOOL",
  timing: "",
  withWhom: "",
  resourceKind: "NONE",
  resource: "",
  resourceUrl: "",
};

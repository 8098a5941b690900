// What the template form adds when asked for another goal: a plain value in a module without
// zod, so server pages can spread it too and the form's first load stays small
// (components/lazy-resolver.ts). Its shape is ./schemas.ts's.
import type { TemplateGoal } from "./schemas";

/** A new goal as the template form adds it. */
export const EMPTY_TEMPLATE_GOAL: TemplateGoal = {
  subject: "ELA",
  title: "",
  successCriteria: "",
  masteryDemonstration: "",
  standardIds: [],
  activities: [],
};

import type { PlanStatus, PlanType, Subject } from "@/lib/generated/prisma/enums.ts";

export const SUBJECTS = [
  "ELA",
  "MATH",
  "SCIENCE",
  "SOCIAL_STUDIES",
  "ARTS",
  "WORLD_LANGUAGES",
  "HEALTH_PE",
  "OTHER",
] as const satisfies readonly Subject[];

export const SUBJECT_LABEL: Record<Subject, string> = {
  ELA: "English Language Arts",
  MATH: "Math",
  SCIENCE: "Science",
  SOCIAL_STUDIES: "Social Studies",
  ARTS: "Arts",
  WORLD_LANGUAGES: "World Languages",
  HEALTH_PE: "Health & PE",
  OTHER: "Other",
};

export const PLAN_TYPES = ["PERSONALIZED", "INDEPENDENT_STUDY"] as const satisfies readonly PlanType[];

export const PLAN_TYPE_LABEL: Record<PlanType, string> = {
  PERSONALIZED: "Personalized learning plan",
  INDEPENDENT_STUDY: "Independent study plan",
};

export const STATUS_LABEL: Record<PlanStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for review",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  ARCHIVED: "Archived",
};

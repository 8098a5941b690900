import type { ActivitySetting, PlanStatus, PlanType, ResourceKind, Subject } from "@/lib/generated/prisma/enums.ts";

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

export const ACTIVITY_SETTINGS = [
  "IN_SCHOOL",
  "ONLINE",
  "COMMUNITY",
  "HOME",
  "WORKPLACE",
  "TRAVEL",
] as const satisfies readonly ActivitySetting[];

export const SETTING_LABEL: Record<ActivitySetting, string> = {
  IN_SCHOOL: "In school",
  ONLINE: "Online",
  COMMUNITY: "In the community",
  HOME: "At home",
  WORKPLACE: "At a workplace",
  TRAVEL: "While travelling",
};

export const RESOURCE_KINDS = ["NONE", "LINK", "BOOK", "PERSON", "PLACE"] as const satisfies readonly ResourceKind[];

export const RESOURCE_KIND_LABEL: Record<ResourceKind, string> = {
  NONE: "No resource",
  LINK: "A link",
  BOOK: "A book",
  PERSON: "A person",
  PLACE: "A place",
};

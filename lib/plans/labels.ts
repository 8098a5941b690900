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

/** Statuses in which a plan that was approved before is being changed, not yet approved again. */
const REVISING: readonly PlanStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"];

/**
 * Whether a plan that was approved is back in the making (sent back to draft). The one
 * place that decides it: everywhere a status shows, "being revised" replaces what would
 * read as a plain draft, so a family never takes it for the approved plan.
 */
export function isBeingRevised(plan: { status: PlanStatus; approvedAt: Date | null }): boolean {
  return plan.approvedAt !== null && REVISING.includes(plan.status);
}

/** A plan's status in words: "Draft", or "Draft · being revised". */
export function planStatusText(plan: { status: PlanStatus; approvedAt: Date | null }): string {
  return isBeingRevised(plan) ? `${STATUS_LABEL[plan.status]} · being revised` : STATUS_LABEL[plan.status];
}

/** What a status change did, as a notification says it: "“River study” was reopened". */
export function statusChangeText(who: string, plan: string, from: PlanStatus | null, to: PlanStatus): string {
  if (from === null) return `${who} started ${plan} for you`;
  if (from === "ACTIVE" && to === "DRAFT") return `${who} sent ${plan} back to draft: it is being revised`;
  if (from === "COMPLETED" && to === "ACTIVE") return `${who} reopened ${plan}`;
  if (from === "SUBMITTED" && to === "DRAFT") return `${who} withdrew ${plan} from review`;
  return `${plan} is now ${STATUS_LABEL[to].toLowerCase()}`;
}

// Kinds of notification as a person understands them ("an agreement to sign", "comments and
// replies"), each grouping stored notification types, with who gets it and how it is emailed
// unless the person chose otherwise (NotificationPreference). What asks the reader to act is
// emailed at once; the rest waits for a daily digest; a welcome is never emailed.
// No "server-only": the preferences form shares the schema below.
import { z } from "zod";
import type { EmailDelivery, NotificationType, PlanStatus, Role } from "@/lib/generated/prisma/enums.ts";
import { DELIVERIES } from "./deliveries";

export const KIND_IDS = [
  "AGREEMENT_TO_SIGN",
  "CHANGES_REQUESTED",
  "TO_RATE",
  "STUDY_NEWS_TODAY",
  "PLAN_STATUS",
  "COMMENTS",
  "RATINGS",
  "CHANGES",
  "REFLECTIONS",
  "AGREEMENT_NEWS",
  "RECORDS",
  "RETENTION",
] as const;
export type KindId = (typeof KIND_IDS)[number];

export type Kind = {
  id: KindId;
  label: string;
  /** Who gets it, in the product's words (shown under the label). */
  who: string;
  /** The roles that receive it: the preferences page lists a person's kinds by their roles. */
  roles: readonly Role[];
  defaultDelivery: Exclude<EmailDelivery, "OFF">;
  types: readonly NotificationType[];
};

export const KINDS: readonly Kind[] = [
  {
    id: "AGREEMENT_TO_SIGN",
    label: "An independent study agreement to sign",
    who: "Students, families and staff asked to sign",
    roles: ["STUDENT", "GUARDIAN", "TEACHER", "ADMIN"],
    defaultDelivery: "IMMEDIATE",
    types: ["AGREEMENT_TO_SIGN"],
  },
  {
    id: "CHANGES_REQUESTED",
    label: "Changes requested on my plan",
    who: "Students and their families, when a teacher asks for changes",
    roles: ["STUDENT", "GUARDIAN"],
    defaultDelivery: "IMMEDIATE",
    // PLAN_STATUS_CHANGED whose event moved the plan to CHANGES_REQUESTED: see kindOf.
    types: [],
  },
  {
    id: "TO_RATE",
    label: "Evidence and learning records waiting for me to rate",
    who: "Teachers of the student",
    roles: ["TEACHER"],
    defaultDelivery: "IMMEDIATE",
    types: ["EVIDENCE_ADDED", "RECORD_REVIEW_REQUESTED"],
  },
  {
    id: "STUDY_NEWS_TODAY",
    label: "News about an independent study that needs reading today",
    who: "Students and families on independent study",
    roles: ["STUDENT", "GUARDIAN"],
    defaultDelivery: "IMMEDIATE",
    types: ["EVALUATION_DUE"],
  },
  {
    id: "PLAN_STATUS",
    label: "Plans submitted, approved and otherwise changed",
    who: "Students, families and teachers of the plan",
    roles: ["STUDENT", "GUARDIAN", "TEACHER"],
    defaultDelivery: "DAILY",
    types: ["PLAN_SUBMITTED", "PLAN_STATUS_CHANGED"],
  },
  {
    id: "COMMENTS",
    label: "Comments and replies",
    who: "Everyone in the plan's conversation",
    roles: ["STUDENT", "GUARDIAN", "TEACHER"],
    defaultDelivery: "DAILY",
    types: ["COMMENT_ADDED", "COMMENT_REPLIED", "PROFILE_COMMENTED"],
  },
  {
    id: "RATINGS",
    label: "Ratings of evidence and learning records",
    who: "Students and their families",
    roles: ["STUDENT", "GUARDIAN"],
    defaultDelivery: "DAILY",
    types: ["EVIDENCE_RATED", "RECORD_RATED"],
  },
  {
    id: "CHANGES",
    label: "Proposed changes to plans and their decisions",
    who: "Students and teachers of the plan",
    roles: ["STUDENT", "TEACHER"],
    defaultDelivery: "DAILY",
    types: ["CHANGE_PROPOSED", "CHANGE_DECIDED"],
  },
  {
    id: "REFLECTIONS",
    label: "Reflections and answers to them",
    who: "Students and their teachers",
    roles: ["STUDENT", "TEACHER"],
    defaultDelivery: "DAILY",
    types: ["REFLECTION_ADDED", "REFLECTION_REPLIED"],
  },
  {
    id: "AGREEMENT_NEWS",
    label: "Independent study agreements made active and evaluations recorded",
    who: "Students and families on independent study",
    roles: ["STUDENT", "GUARDIAN"],
    defaultDelivery: "DAILY",
    types: ["AGREEMENT_ACTIVE", "EVALUATION_RECORDED"],
  },
  {
    id: "RECORDS",
    label: "Learning records suggested by learning apps",
    who: "Students",
    roles: ["STUDENT"],
    defaultDelivery: "DAILY",
    types: ["RECORD_SUGGESTED"],
  },
  {
    id: "RETENTION",
    label: "Records of students who left, due for deletion",
    who: "District administrators",
    roles: ["ADMIN"],
    defaultDelivery: "DAILY",
    types: ["RETENTION_DUE"],
  },
];

const BY_ID = new Map(KINDS.map((k) => [k.id, k]));
const BY_TYPE = new Map(KINDS.flatMap((k) => k.types.map((t) => [t, k.id] as const)));

export function kindById(id: KindId): Kind {
  const kind = BY_ID.get(id);
  if (!kind) throw new Error(`Unknown kind of notification: ${id}`);
  return kind;
}

/**
 * The kind of a stored notification; null for what is never emailed (a welcome). A status change
 * that asks the student for changes is its own kind: it needs them, the others are news.
 */
export function kindOf(type: NotificationType, toStatus?: PlanStatus | null): KindId | null {
  if (type === "PLAN_STATUS_CHANGED" && toStatus === "CHANGES_REQUESTED") return "CHANGES_REQUESTED";
  return BY_TYPE.get(type) ?? null;
}

export function isKindId(value: string): value is KindId {
  return BY_ID.has(value as KindId);
}

/** The kinds a person with these roles gets (every kind for a person with none of them). */
export function kindsForRoles(roles: readonly Role[]): Kind[] {
  const mine = KINDS.filter((k) => k.roles.some((r) => roles.includes(r)));
  return mine.length ? mine : [...KINDS];
}

export { DELIVERIES, DELIVERY_LABELS } from "./deliveries";

/** The preferences form and its action: one choice per kind shown (kinds not sent are left as they are). */
export const preferencesSchema = z.object({
  deliveries: z.partialRecord(z.enum(KIND_IDS), z.enum(DELIVERIES, { error: "Choose how to get this kind of email." })),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;

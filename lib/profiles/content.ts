// A profile's content as stored in a revision, and what changed between two of them.
import { diffWordsWithSpace } from "diff";
import type { ActivitySetting } from "@/lib/generated/prisma/enums.ts";
import { SETTING_LABEL } from "@/lib/plans/labels";
import { PROFILE_FIELDS, type ProfileField, type StoredProfileContent } from "./schemas";
import { ENGAGEMENT, EXPRESSION, labelsOf, REPRESENTATION } from "./udl";

/** The profile columns a revision keeps (the migration's backfill writes the same keys). */
export const PROFILE_CONTENT_SELECT = {
  strengths: true,
  needs: true,
  interests: true,
  learningPreferences: true,
  aspirations: true,
  engagement: true,
  representation: true,
  expression: true,
  preferredSettings: true,
} as const;

export const FIELD_LABEL: Record<ProfileField, string> = {
  strengths: "My strengths",
  needs: "What I need help with",
  interests: "My interests",
  learningPreferences: "How I learn best",
  aspirations: "Goals I care about",
  engagement: "I stay interested when…",
  representation: "I understand new things best by…",
  expression: "I like to show what I know by…",
  preferredSettings: "Where I like to learn",
};

/** The labels of a list field's stored keys. */
export function listLabels(field: "engagement" | "representation" | "expression" | "preferredSettings", keys: readonly string[]) {
  if (field === "preferredSettings") return keys.map((k) => SETTING_LABEL[k as ActivitySetting] ?? k);
  return labelsOf({ engagement: ENGAGEMENT, representation: REPRESENTATION, expression: EXPRESSION }[field], keys);
}

export type FieldChange =
  | { field: ProfileField; label: string; kind: "text"; parts: { value: string; added: boolean; removed: boolean }[] }
  | { field: ProfileField; label: string; kind: "list"; added: string[]; removed: string[] };

/** Field by field, what changed from `before` to `after` (every filled field when there is no before). */
export function profileChanges(before: StoredProfileContent | null, after: StoredProfileContent): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of PROFILE_FIELDS) {
    const label = FIELD_LABEL[field];
    if (field === "engagement" || field === "representation" || field === "expression" || field === "preferredSettings") {
      const was: readonly string[] = before?.[field] ?? [];
      const now: readonly string[] = after[field];
      const added = listLabels(
        field,
        now.filter((k) => !was.includes(k)),
      );
      const removed = listLabels(
        field,
        was.filter((k) => !now.includes(k)),
      );
      if (added.length || removed.length) out.push({ field, label, kind: "list", added, removed });
    } else {
      const was = before?.[field] ?? "";
      if (was === after[field]) continue;
      const parts = diffWordsWithSpace(was, after[field]).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
      out.push({ field, label, kind: "text", parts });
    }
  }
  return out;
}

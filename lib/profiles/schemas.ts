// One schema per form, shared by the profile form and its server action.
import { z } from "zod";
import { ACTIVITY_SETTINGS } from "@/lib/plans/labels";
import { ENGAGEMENT, EXPRESSION, keysOf, REPRESENTATION } from "./udl";

const id = z.string().trim().min(1).max(64);
const text = z.string().trim().max(2000, "profile.validation.max2000");
/** Picked choices, each once. */
const picks = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(20)
    .transform((xs) => [...new Set(xs)]);

export const profileFormSchema = z.object({
  strengths: text,
  needs: text,
  interests: text,
  learningPreferences: text,
  aspirations: text,
  engagement: picks(z.enum(keysOf(ENGAGEMENT), { error: "profile.validation.fromList" })),
  representation: picks(z.enum(keysOf(REPRESENTATION), { error: "profile.validation.fromList" })),
  expression: picks(z.enum(keysOf(EXPRESSION), { error: "profile.validation.fromList" })),
  preferredSettings: picks(z.enum(ACTIVITY_SETTINGS, { error: "profile.validation.fromList" })),
});
export type ProfileFormInput = z.input<typeof profileFormSchema>;
export type ProfileContent = z.output<typeof profileFormSchema>;

/** The fields of a profile, in the order they are shown and compared. */
export const PROFILE_FIELDS = [
  "strengths",
  "needs",
  "interests",
  "learningPreferences",
  "aspirations",
  "engagement",
  "representation",
  "expression",
  "preferredSettings",
] as const satisfies readonly (keyof ProfileContent)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const profileUpdateSchema = z.object({
  studentId: id,
  version: z.number().int().min(1),
  profile: profileFormSchema,
});
export type ProfileUpdateInput = z.input<typeof profileUpdateSchema>;

export const profileCommentSchema = z.object({
  studentId: id,
  body: z.string().trim().min(1, "profile.validation.commentRequired").max(4000, "profile.validation.commentTooLong"),
});
export type ProfileCommentInput = z.infer<typeof profileCommentSchema>;

/**
 * A stored revision's content, read leniently (older or partial content reads as empty),
 * in the shape the migration's backfill wrote.
 */
export const profileRevisionContentSchema = z.object({
  strengths: z.string().catch(""),
  needs: z.string().catch(""),
  interests: z.string().catch(""),
  learningPreferences: z.string().catch(""),
  aspirations: z.string().catch(""),
  engagement: z.array(z.string()).catch([]),
  representation: z.array(z.string()).catch([]),
  expression: z.array(z.string()).catch([]),
  preferredSettings: z.array(z.enum(ACTIVITY_SETTINGS)).catch([]),
});
export type StoredProfileContent = z.infer<typeof profileRevisionContentSchema>;

// Learning groups: one schema per form, shared by the form and its server action.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const groupFormSchema = z.object({
  classId: id,
  /** Set when adjusting a saved group. */
  groupId: id.optional(),
  name: z.string().trim().min(1, "Give the group a name.").max(80, "Keep the name under 80 characters."),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters."),
  meetsOn: z.union([z.literal(""), z.string().regex(isoDay, "Use a date like 2026-12-01.")]),
  standardIds: z.array(id).min(1, "Choose at least one standard.").max(10, "Choose at most 10 standards."),
  studentIds: z.array(id).min(1, "Choose at least one student.").max(60, "A group has at most 60 students."),
});
export type GroupFormInput = z.input<typeof groupFormSchema>;

export const groupActivitySchema = z.object({
  groupId: id,
  description: z.string().trim().min(1, "Describe the activity.").max(500, "Keep the description under 500 characters."),
  timing: z.string().trim().max(200, "Keep the timing under 200 characters."),
});
export type GroupActivityInput = z.input<typeof groupActivitySchema>;

/** What a shared activity says under "with whom" on each member's plan. */
export function withGroup(name: string): string {
  return `With your group “${name}”`;
}

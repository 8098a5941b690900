// One schema for the proficiency scale form, shared by the form (components/mastery-admin) and
// the server action; lib/mastery/scales.ts parses again and adds the rules that need the database.
import { z } from "zod";

import { MAX_LEVELS, MAX_POINTS, MIN_POINTS } from "./scale-limits";

export { MAX_LEVELS, MAX_POINTS, MIN_POINTS } from "./scale-limits";

const id = z.string().trim().max(64);

export const levelInputSchema = z.object({
  /** Empty for a level added in the form; a kept level carries its id so ratings stay on it. */
  id: id,
  name: z.string().trim().min(1, "Name the level.").max(60, "Keep the name under 60 characters."),
  points: z
    .number({ error: "Enter the points as a whole number." })
    .int(`Points must be a whole number from ${MIN_POINTS} to ${MAX_POINTS}.`)
    .min(MIN_POINTS, `Points must be from ${MIN_POINTS} to ${MAX_POINTS}.`)
    .max(MAX_POINTS, `Points must be from ${MIN_POINTS} to ${MAX_POINTS}.`),
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Enter the colour as # and six hex digits, like #15803d."),
  description: z.string().trim().max(300, "Keep the description under 300 characters."),
  proficient: z.boolean(),
  isDefault: z.boolean(),
});
export type LevelInput = z.input<typeof levelInputSchema>;

export const scaleFormSchema = z
  .object({
    /** Empty to create a scale. */
    scaleId: id,
    /** The owner: the district or one school (fixed once created). */
    organizationId: id,
    name: z.string().trim().min(1, "Name the scale.").max(80, "Keep the name under 80 characters."),
    description: z.string().trim().max(500, "Keep the description under 500 characters."),
    levels: z.array(levelInputSchema).min(1, "Add at least one level.").max(MAX_LEVELS, `A scale has at most ${MAX_LEVELS} levels.`),
    /** The version the editor loaded (absent when creating). */
    version: z.number().int().positive().optional(),
  })
  .superRefine((scale, ctx) => {
    if (!scale.scaleId && !scale.organizationId)
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "Choose who owns the scale." });
    const levels = scale.levels;
    if (levels.length === 0) return;
    if (!levels.some((l) => l.proficient))
      ctx.addIssue({ code: "custom", path: ["levels"], message: "Mark at least one level as proficient." });
    const defaults = levels.filter((l) => l.isDefault).length;
    if (defaults !== 1) ctx.addIssue({ code: "custom", path: ["levels"], message: "Choose one level as the default." });
    const seenNames = new Set<string>();
    const seenPoints = new Set<number>();
    levels.forEach((level, i) => {
      const name = level.name.trim().toLocaleLowerCase();
      if (name && seenNames.has(name))
        ctx.addIssue({ code: "custom", path: ["levels", i, "name"], message: `Another level is already called “${level.name.trim()}”.` });
      seenNames.add(name);
      if (seenPoints.has(level.points))
        ctx.addIssue({ code: "custom", path: ["levels", i, "points"], message: `Another level already has ${level.points} points.` });
      else if (i > 0 && level.points < (levels[i - 1]?.points ?? -Infinity))
        // Levels run lowest first: the order is how every page lists them and how points map to levels.
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "points"],
          message: "Levels go from lowest to highest: give this level more points than the one above it.",
        });
      seenPoints.add(level.points);
    });
  });
export type ScaleFormInput = z.input<typeof scaleFormSchema>;
export type ScaleInput = z.output<typeof scaleFormSchema>;

export const deleteScaleSchema = z.object({ scaleId: id.min(1), version: z.number().int().positive() });
export type DeleteScaleInput = z.input<typeof deleteScaleSchema>;

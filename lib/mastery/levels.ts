// Levels as the pages show them: a name, its points and colour, and whether it counts as
// proficient. Scales are data (ProficiencyScale/ProficiencyLevel); nothing here knows their names.
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export const LEVEL_SELECT = {
  id: true,
  name: true,
  points: true,
  colour: true,
  description: true,
  proficient: true,
  isDefault: true,
  position: true,
} satisfies Prisma.ProficiencyLevelSelect;

export type LevelView = Prisma.ProficiencyLevelGetPayload<{ select: typeof LEVEL_SELECT }>;

/** A goal's or standard's stored mastery as pages read it. */
export const MASTERY_SELECT = {
  score: true,
  proficient: true,
  ratingCount: true,
  baselineAt: true,
  lastRatedAt: true,
  level: { select: LEVEL_SELECT },
  baselineLevel: { select: LEVEL_SELECT },
} satisfies Prisma.GoalMasterySelect & Prisma.StandardMasterySelect;

export type MasteryView = Prisma.GoalMasteryGetPayload<{ select: typeof MASTERY_SELECT }>;

/** A plan's progress: the share of its goals at a proficient level (never time spent). */
export function planProgress(goals: readonly { proficient: boolean }[]) {
  const mastered = goals.filter((g) => g.proficient).length;
  const total = goals.length;
  return { mastered, total, percent: total === 0 ? 0 : Math.round((mastered / total) * 100) };
}

/** Text that stays readable on a level's colour: dark on light colours, white on dark ones. */
export function textOn(colour: string): "#000000" | "#ffffff" {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255).map(linear);
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  // Contrast with black vs white; pick the larger.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
}

function linear(c: number) {
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

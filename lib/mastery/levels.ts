// The proficiency scale and how a goal's mastery is computed from its ratings.
import type { MasteryRule, Proficiency } from "@/lib/generated/prisma/enums.ts";

export const LEVELS = ["BEGINNING", "DEVELOPING", "PROFICIENT", "ADVANCED"] as const satisfies readonly Proficiency[];

export const LEVEL_LABEL: Record<Proficiency, string> = {
  BEGINNING: "Beginning",
  DEVELOPING: "Developing",
  PROFICIENT: "Proficient",
  ADVANCED: "Advanced",
};

export const LEVEL_DESCRIPTION: Record<Proficiency, string> = {
  BEGINNING: "Starting out; needs a lot of support",
  DEVELOPING: "Getting there; some parts are secure",
  PROFICIENT: "Meets the goal on their own",
  ADVANCED: "Goes beyond the goal",
};

export const RULE_LABEL: Record<MasteryRule, string> = {
  MOST_RECENT: "the most recent rating",
  HIGHEST: "the highest rating",
  DECAYING_AVERAGE: "a decaying average that favours recent ratings",
};

const score = (level: Proficiency) => LEVELS.indexOf(level) + 1;
/** How much each older rating counts relative to the next newer one. */
const DECAY = 0.65;

export type RatingPoint = { level: Proficiency; createdAt: Date };

/** A goal's current level under the school's rule, or null when it has no ratings yet. */
export function goalLevel(ratings: readonly RatingPoint[], rule: MasteryRule): Proficiency | null {
  if (ratings.length === 0) return null;
  const byTime = [...ratings].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (rule === "MOST_RECENT") return byTime.at(-1)?.level ?? null;
  if (rule === "HIGHEST") return levelAt(Math.max(...byTime.map((r) => score(r.level))));
  let weighted = 0;
  let weights = 0;
  byTime.forEach((r, i) => {
    const w = DECAY ** (byTime.length - 1 - i);
    weighted += w * score(r.level);
    weights += w;
  });
  return levelAt(Math.round(weighted / weights));
}

/** The level with this score (1 = Beginning … 4 = Advanced). */
function levelAt(points: number): Proficiency {
  return LEVELS[Math.min(LEVELS.length, Math.max(1, points)) - 1] ?? "BEGINNING";
}

export function isMastered(level: Proficiency | null) {
  return level !== null && score(level) >= score("PROFICIENT");
}

/** A plan's progress: the share of its goals at Proficient or above (never time spent). */
export function planProgress(levels: readonly (Proficiency | null)[]) {
  const mastered = levels.filter(isMastered).length;
  const total = levels.length;
  return { mastered, total, percent: total === 0 ? 0 : Math.round((mastered / total) * 100) };
}

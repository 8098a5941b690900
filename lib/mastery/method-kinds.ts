// The mastery methods as the admin's policy form shows them: kinds, labels, defaults and a
// sentence for each. No zod here (lib/mastery/methods.ts has the schema and the arithmetic), so
// the form's first load stays small (issue 12).

export type MasteryMethod =
  | { kind: "MOST_RECENT" }
  | { kind: "HIGHEST" }
  | { kind: "AVERAGE" }
  /** weight: how much the latest rating counts, in percent (1..99). */
  | { kind: "WEIGHTED_AVERAGE"; weight: number }
  /** weight: how much each new rating counts against everything before it, in percent (50..99). */
  | { kind: "DECAYING_AVERAGE"; weight: number }
  /** n: how many ratings at or above the proficient threshold are needed (1..10). */
  | { kind: "N_TIMES"; n: number };

export type MethodKind = MasteryMethod["kind"];

export const METHOD_KINDS = [
  "MOST_RECENT",
  "HIGHEST",
  "AVERAGE",
  "WEIGHTED_AVERAGE",
  "DECAYING_AVERAGE",
  "N_TIMES",
] as const satisfies readonly MethodKind[];

export const METHOD_LABEL: Record<MethodKind, string> = {
  MOST_RECENT: "Most recent",
  HIGHEST: "Highest",
  AVERAGE: "Average",
  WEIGHTED_AVERAGE: "Weighted average",
  DECAYING_AVERAGE: "Decaying average",
  N_TIMES: "n times",
};

export const DEFAULT_WEIGHT = 65;
export const DEFAULT_TIMES = 5;

export type MethodSpec = { method: MasteryMethod; threshold?: number };

export function describeMethod(m: MasteryMethod, proficientThreshold?: number): string {
  switch (m.kind) {
    case "MOST_RECENT":
      return "Most recent: mastery is the latest rating.";
    case "HIGHEST":
      return "Highest: mastery is the highest rating.";
    case "AVERAGE":
      return "Average: mastery is the mean of all ratings.";
    case "WEIGHTED_AVERAGE":
      return `Weighted average: the latest rating counts ${m.weight}%, the mean of all earlier ratings ${100 - m.weight}%.`;
    case "DECAYING_AVERAGE":
      return `Decaying average: each new rating counts ${m.weight}% and the average before it ${100 - m.weight}%, so older ratings fade.`;
    case "N_TIMES": {
      const threshold =
        proficientThreshold === undefined ? "the proficient threshold" : `the proficient threshold (${proficientThreshold})`;
      return `n times: mastery needs ${m.n} ${m.n === 1 ? "rating" : "ratings"} at or above ${threshold}; it is then their mean.`;
    }
  }
}

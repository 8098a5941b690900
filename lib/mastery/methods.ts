// How a student's mastery of a standard is calculated from the points of their ratings, with
// the working shown. The methods are issue 9's definitions exactly; docs/decisions/mastery-methods.md
// gives the formulas, the ordering and rounding rules, and why.
import { z } from "zod";
import { formatDay } from "@/lib/dates";

// The methods' names and descriptions live in a zod-free module that forms in the browser import.
import { DEFAULT_TIMES, DEFAULT_WEIGHT, describeMethod, type MasteryMethod } from "./method-kinds";

export * from "./method-kinds";

const wholeNumber = (what: string, min: number, max: number, why = "") =>
  z
    .number({ error: `Enter ${what} as a number.` })
    .int(`${capitalise(what)} must be a whole number from ${min} to ${max}.`)
    .min(min, `${capitalise(what)} must be from ${min} to ${max}${why}.`)
    .max(max, `${capitalise(what)} must be from ${min} to ${max}${why}.`);

/** A mastery policy's method, with the issue's ranges; a missing weight or n takes its default. */
export const masteryMethodSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("MOST_RECENT") }),
    z.object({ kind: z.literal("HIGHEST") }),
    z.object({ kind: z.literal("AVERAGE") }),
    z.object({
      kind: z.literal("WEIGHTED_AVERAGE"),
      weight: wholeNumber("the weight of the latest rating", 1, 99).default(DEFAULT_WEIGHT),
    }),
    z.object({
      kind: z.literal("DECAYING_AVERAGE"),
      // Below 50 an older rating would outweigh the newer one, which is no longer "decaying".
      weight: wholeNumber("the weight of each new rating", 50, 99, ", so that newer ratings count more than older ones").default(
        DEFAULT_WEIGHT,
      ),
    }),
    z.object({
      kind: z.literal("N_TIMES"),
      n: wholeNumber("the number of times", 1, 10).default(DEFAULT_TIMES),
    }),
  ],
  { error: "Choose a calculation method." },
) satisfies z.ZodType<MasteryMethod>;

export type Score = { points: number; at: Date };

/** One line of "show the working": data for a UI to lay out, and a sentence that says it. */
export type Step =
  | { kind: "method"; method: MasteryMethod; text: string }
  /** A rating in evidence order: `position` counts from 1, `source` is its index in the input. */
  | { kind: "rating"; position: number; source: number; points: number; at: Date; counted: boolean; text: string }
  /** `value` is not rounded; `expression` uses values shown to at most 4 decimals ("≈" when cut). */
  | { kind: "calculation"; label: string; operands: number[]; expression: string; value: number; text: string }
  | { kind: "result"; outcome: "score" | "not-yet" | "no-ratings"; score: number | null; text: string };

export type Mastery = { score: number | null; working: Step[] };

/** Scores ordered by the date their evidence was created; equal dates keep the order given. */
export function inEvidenceOrder<S extends Score>(scores: readonly S[]): { score: S; source: number }[] {
  for (const s of scores) {
    if (Number.isNaN(s.at.getTime())) throw new RangeError("A rating's date is not a valid date.");
  }
  // Array.prototype.sort is stable, so ties stay in input order.
  return scores.map((score, source) => ({ score, source })).sort((a, b) => a.score.at.getTime() - b.score.at.getTime());
}

/**
 * Mastery from a student's scores on one standard, under a method. `proficientThreshold` is the
 * fewest points that count as proficient (used by n times). No scores → null; n times with fewer
 * than n proficient scores → null ("not yet").
 */
export function computeMastery(scores: readonly Score[], method: MasteryMethod, proficientThreshold: number): Mastery {
  // A stored policy outside the issue's ranges is refused rather than turned into a number.
  const m = masteryMethodSchema.parse(method);
  if (!Number.isFinite(proficientThreshold)) throw new RangeError("The proficient threshold must be a finite number.");
  const ordered = inEvidenceOrder(scores);
  const values = ordered.map((o) => exactly(o.score.points));
  const outcome = calculate(values, m, proficientThreshold);
  const working: Step[] = [{ kind: "method", method: m, text: describeMethod(m, proficientThreshold) }];
  ordered.forEach((o, i) => {
    const { points, at } = o.score;
    const counted = outcome.counted(i);
    // Only n times leaves ratings out of an average; the others say which one they took in a calculation.
    const left = m.kind === "N_TIMES" && !counted ? " (below the threshold, not counted)" : "";
    const text = `Rating ${i + 1}, ${formatDay(at)}: ${show(exactly(points))} ${points === 1 ? "point" : "points"}${left}`;
    working.push({ kind: "rating", position: i + 1, source: o.source, points, at, counted, text });
  });
  working.push(...outcome.calculations);
  if (outcome.value === null) {
    working.push({ kind: "result", outcome: outcome.reason, score: null, text: outcome.text });
    return { score: null, working };
  }
  const score = round2(outcome.value);
  const rounding = exactDecimals(outcome.value, 2) ? "" : ` (${show(outcome.value).replace("≈", "about ")} rounded to 2 decimals)`;
  const only = ordered.length === 1 ? ", the only rating" : "";
  working.push({ kind: "result", outcome: "score", score, text: `Mastery: ${score}${only}${rounding}` });
  return { score, working };
}

/**
 * The score after each of the scores, in evidence order: computeMastery's score over every
 * prefix (a chart's series), without the working, which a series never shows and which costs a
 * formatted date per rating, for every prefix.
 */
export function masterySeries(scores: readonly Score[], method: MasteryMethod, proficientThreshold: number): (number | null)[] {
  const m = masteryMethodSchema.parse(method);
  if (!Number.isFinite(proficientThreshold)) throw new RangeError("The proficient threshold must be a finite number.");
  const values = inEvidenceOrder(scores).map((o) => exactly(o.score.points));
  return values.map((_, i) => {
    const outcome = calculate(values.slice(0, i + 1), m, proficientThreshold);
    return outcome.value === null ? null : round2(outcome.value);
  });
}

type Calculation = Extract<Step, { kind: "calculation" }>;
type Outcome =
  | { value: Exact; calculations: Calculation[]; counted: (i: number) => boolean }
  | { value: null; reason: "not-yet" | "no-ratings"; text: string; calculations: Calculation[]; counted: (i: number) => boolean };

function calculate(s: Exact[], m: MasteryMethod, threshold: number): Outcome {
  const all = () => true;
  if (s.length === 0) return { value: null, reason: "no-ratings", text: "No ratings yet.", calculations: [], counted: all };
  if (m.kind === "N_TIMES") return nTimes(s, m.n, threshold);
  const last = s.length - 1;
  if (s.length === 1) return { value: at(s, 0), calculations: [], counted: all };
  switch (m.kind) {
    case "MOST_RECENT":
      return { value: at(s, last), calculations: [], counted: (i) => i === last };
    case "HIGHEST": {
      const top = s.reduce((best, x, i) => (compare(x, at(s, best)) > 0 ? i : best), 0);
      const expression = `max(${s.map(show).join(", ")})`;
      return { value: at(s, top), calculations: [calc("Highest rating", s, expression, at(s, top))], counted: (i) => i === top };
    }
    case "AVERAGE":
      return { value: mean(s), calculations: [meanStep("Mean of all ratings", s)], counted: all };
    case "WEIGHTED_AVERAGE": {
      const earlier = s.slice(0, last);
      const latest = at(s, last);
      const earlierMean = mean(earlier);
      const value = add(scale(latest, m.weight, 100), scale(earlierMean, 100 - m.weight, 100));
      const expression = `${show(latest)} × ${percent(m.weight)} + ${show(earlierMean)} × ${percent(100 - m.weight)}`;
      const weighted = calc("Weighted average", [latest, earlierMean], expression, value);
      return { value, calculations: [meanStep("Mean of earlier ratings", earlier), weighted], counted: all };
    }
    case "DECAYING_AVERAGE": {
      let d = at(s, 0);
      const calculations = [calc("d1", [d], "s1", d)];
      for (let k = 1; k < s.length; k++) {
        const sk = at(s, k);
        const next = add(scale(d, 100 - m.weight, 100), scale(sk, m.weight, 100));
        const expression = `d${k} × ${percent(100 - m.weight)} + s${k + 1} × ${percent(m.weight)} = ${show(d)} × ${percent(100 - m.weight)} + ${show(sk)} × ${percent(m.weight)}`;
        calculations.push(calc(`d${k + 1}`, [d, sk], expression, next));
        d = next;
      }
      return { value: d, calculations, counted: all };
    }
  }
}

function nTimes(s: Exact[], n: number, threshold: number): Outcome {
  const limit = exactly(threshold);
  const keep = s.map((x) => compare(x, limit) >= 0);
  const kept = s.filter((_, i) => keep[i]);
  const counted = (i: number) => keep[i] === true;
  const needed = `${kept.length} of the ${n} ${n === 1 ? "rating" : "ratings"} needed ${kept.length === 1 ? "is" : "are"} at or above the proficient threshold (${show(limit)})`;
  if (kept.length < n) return { value: null, reason: "not-yet", text: `Not yet: ${needed}.`, calculations: [], counted };
  return { value: mean(kept), calculations: [meanStep("Mean of ratings at or above the threshold", kept)], counted };
}

/** A sentence describing the method, for the top of the working and for the policy page. */
/** A method with the threshold it is described with: what pages word in the reader's language. */
export type Level = { points: number; proficient: boolean; name: string };

/** The highest level whose points are at or below the score; null for no score or one below every level. */
export function levelFor<L extends Level>(score: number | null, levels: readonly L[]): L | null {
  if (score === null) return null;
  let best: L | null = null;
  for (const level of levels) {
    if (level.points <= score && (best === null || level.points > best.points)) best = level;
  }
  return best;
}

/** Whether the score reaches a level marked proficient. */
export function isProficient(score: number | null, levels: readonly Level[]): boolean {
  return levelFor(score, levels)?.proficient ?? false;
}

/** The fewest points of any proficient level: what n times counts from. Null when none is proficient. */
export function proficientThreshold(levels: readonly Level[]): number | null {
  const points = levels.filter((l) => l.proficient).map((l) => l.points);
  return points.length === 0 ? null : Math.min(...points);
}

// Exact rational arithmetic on BigInts, so that 2.345 rounds to 2.35 however it was reached:
// binary floating point would store it as 2.34499… and round down.
type Exact = { n: bigint; d: bigint }; // d > 0, not necessarily reduced

/** The decimal a number prints as (its shortest round-trip form), exactly. */
function exactly(x: number): Exact {
  if (!Number.isFinite(x)) throw new RangeError(`Points must be a finite number, not ${x}.`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`Cannot read ${x} as a decimal.`);
  const [, sign, whole = "0", fraction = "", exponent = "0"] = match;
  const e = Number(exponent) - fraction.length;
  const digits = BigInt(whole + fraction) * (e > 0 ? 10n ** BigInt(e) : 1n);
  return { n: sign === "-" ? -digits : digits, d: e < 0 ? 10n ** BigInt(-e) : 1n };
}

const add = (a: Exact, b: Exact): Exact => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const scale = (a: Exact, times: number, over: number): Exact => ({ n: a.n * BigInt(times), d: a.d * BigInt(over) });
const compare = (a: Exact, b: Exact) => Number(a.n * b.d - b.n * a.d > 0n) - Number(a.n * b.d - b.n * a.d < 0n);
const sum = (xs: Exact[]) => xs.reduce(add, { n: 0n, d: 1n });
const mean = (xs: Exact[]): Exact => scale(sum(xs), 1, xs.length);
const abs = (x: bigint) => (x < 0n ? -x : x);

function at(xs: Exact[], i: number): Exact {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`No score at ${i}.`);
  return x;
}

/** Rounded to `places` decimals, half away from zero, as an integer count of 10^-places. */
function roundedUnits(x: Exact, places: number): bigint {
  const unit = 10n ** BigInt(places);
  const units = (abs(x.n) * unit * 2n + x.d) / (2n * x.d);
  return x.n < 0n ? -units : units;
}

/** The result rule: 2 decimals, half away from zero. */
function round2(x: Exact): number {
  const units = roundedUnits(x, 2);
  return units === 0n ? 0 : Number(units) / 100;
}

const exactDecimals = (x: Exact, places = 4) => (x.n * 10n ** BigInt(places)) % x.d === 0n;

/** A value for people: exact up to 4 decimals, otherwise "≈" and 4 decimals. */
function show(x: Exact): string {
  const units = roundedUnits(x, 4);
  const digits = abs(units).toString().padStart(5, "0");
  const text = `${units < 0n ? "-" : ""}${digits.slice(0, -4)}.${digits.slice(-4)}`.replace(/\.?0+$/, "");
  return exactDecimals(x) ? text : `≈${text}`;
}

/** An approximate float of an exact value, safe however large its numerator and denominator grow. */
function toNumber(x: Exact): number {
  return Number((x.n * 10n ** 15n) / x.d) / 1e15;
}

const percent = (w: number) => String(w / 100);
function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function calc(label: string, operands: Exact[], expression: string, value: Exact): Calculation {
  const shown = show(value);
  const text = `${label}: ${expression} ${shown.startsWith("≈") ? `≈ ${shown.slice(1)}` : `= ${shown}`}`;
  return { kind: "calculation", label, operands: operands.map(toNumber), expression, value: toNumber(value), text };
}

function meanStep(label: string, xs: Exact[]): Calculation {
  const expression = xs.length === 1 ? show(at(xs, 0)) : `(${xs.map(show).join(" + ")}) ÷ ${xs.length}`;
  return calc(label, xs, expression, mean(xs));
}

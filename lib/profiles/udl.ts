// The UDL 3.0 principles offered to students as choices in their own words. Keys are
// stored (StudentProfile.engagement/representation/expression) and never change; labels
// may be reworded freely. A key no longer listed is simply not shown.
import type { ActivitySetting } from "@/lib/generated/prisma/enums.ts";

export type UdlChoice = { key: string; label: string };

export const ENGAGEMENT = [
  { key: "choose-topic", label: "I can choose my topic or how I work" },
  { key: "with-others", label: "I work with others" },
  { key: "real-world", label: "the problem is real and matters to people" },
  { key: "my-interests", label: "it connects to my interests or my culture" },
  { key: "see-progress", label: "I can see my progress toward a goal" },
  { key: "right-challenge", label: "it is a challenge I can just about reach" },
  { key: "quiet-focus", label: "I have quiet time to focus" },
  { key: "move-breaks", label: "I can move around or take breaks" },
] as const satisfies readonly UdlChoice[];

export const REPRESENTATION = [
  { key: "reading", label: "reading about it" },
  { key: "watching", label: "watching a video or demonstration" },
  { key: "listening", label: "listening to someone explain it" },
  { key: "trying", label: "trying it myself, hands-on" },
  { key: "diagrams", label: "looking at diagrams, maps or pictures" },
  { key: "examples", label: "seeing worked examples" },
  { key: "talking-through", label: "talking it through with someone" },
  { key: "home-language", label: "hearing or reading it in my home language" },
] as const satisfies readonly UdlChoice[];

export const EXPRESSION = [
  { key: "building", label: "building or making something" },
  { key: "talking", label: "talking or presenting" },
  { key: "writing", label: "writing" },
  { key: "drawing", label: "drawing or designing" },
  { key: "video", label: "making a video or recording" },
  { key: "performing", label: "performing or acting it out" },
  { key: "teaching", label: "teaching someone else" },
  { key: "data", label: "collecting data and making charts" },
] as const satisfies readonly UdlChoice[];

export type EngagementKey = (typeof ENGAGEMENT)[number]["key"];
export type RepresentationKey = (typeof REPRESENTATION)[number]["key"];
export type ExpressionKey = (typeof EXPRESSION)[number]["key"];

export const UDL_PRINCIPLES = [
  { field: "engagement", title: "Engagement", prompt: "I stay interested when…", choices: ENGAGEMENT },
  { field: "representation", title: "Representation", prompt: "I understand new things best by…", choices: REPRESENTATION },
  { field: "expression", title: "Action & expression", prompt: "I like to show what I know by…", choices: EXPRESSION },
] as const;
export type UdlField = (typeof UDL_PRINCIPLES)[number]["field"];

export const keysOf = <T extends readonly UdlChoice[]>(choices: T) =>
  choices.map((c) => c.key) as unknown as [T[number]["key"], ...T[number]["key"][]];

/** The labels of stored keys, in the list's order; unknown keys are dropped. */
export function labelsOf(choices: readonly UdlChoice[], keys: readonly string[]): string[] {
  return choices.filter((c) => keys.includes(c.key)).map((c) => c.label);
}

/** Ways to show mastery that fit how the student likes to show what they know. */
export const MASTERY_IDEA: Record<ExpressionKey, string> = {
  building: "Build a model or prototype and explain how it works",
  talking: "Give a short talk or presentation",
  writing: "Write a report, essay or story",
  drawing: "Draw a diagram, comic or poster that explains it",
  video: "Record a video or podcast episode",
  performing: "Perform, act out or demonstrate it",
  teaching: "Teach it to a classmate or family member",
  data: "Collect data and show it in charts",
};

export type PlanSuggestions = { settings: ActivitySetting[]; mastery: string[] };

/** What the plan form suggests from a profile: the student's preferred settings and mastery ideas. */
export function suggestionsFrom(profile: {
  preferredSettings: readonly ActivitySetting[];
  expression: readonly string[];
}): PlanSuggestions {
  return {
    settings: [...profile.preferredSettings],
    mastery: EXPRESSION.filter((c) => profile.expression.includes(c.key)).map((c) => MASTERY_IDEA[c.key]),
  };
}

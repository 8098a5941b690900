// The reflection's prompts, in a module without zod: the reflection form renders them in the
// browser and fetches its schema (./schemas.ts) only when first used (components/lazy-resolver.ts).

/** The prompts a reflection answers; at least one must be. */
export const REFLECTION_PROMPTS = [
  { name: "learned", label: "What did I learn?" },
  { name: "hard", label: "What was hard?" },
  { name: "next", label: "What's next?" },
] as const;

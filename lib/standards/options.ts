// The standard picker's filter values, in a module without zod: the picker renders them in the
// browser, inside forms that fetch their schemas only when first used (components/lazy-resolver.ts).

/** Grade levels as CASE writes them (educationLevel): PK, KG, 01 … 12. */
export const GRADE_LEVELS = ["PK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;
export const GRADE_LABEL: Record<(typeof GRADE_LEVELS)[number], string> = {
  PK: "Pre-K",
  KG: "Kindergarten",
  ...(Object.fromEntries(GRADE_LEVELS.filter((g) => /^\d+$/.test(g)).map((g) => [g, `Grade ${Number(g)}`])) as Record<
    Exclude<(typeof GRADE_LEVELS)[number], "PK" | "KG">,
    string
  >),
};

/** Frameworks filter value for standards written locally (no framework). */
export const LOCAL_FRAMEWORK = "local";

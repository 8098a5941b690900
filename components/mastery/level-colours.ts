/** The colour of "no level yet" in the class charts and their tables. */
export const NO_LEVEL = "#cbd5e1";

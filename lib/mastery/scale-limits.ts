// A scale's limits, zod-free so that the scale form in the browser can show them (issue 12).
export const MAX_LEVELS = 10;
export const MIN_POINTS = 0;
export const MAX_POINTS = 100;

// How far the ratings on a scale's levels are counted (the scale page and its guards). Whether a
// level is in use is what deciding on a removal needs, and a scale a district rates on holds
// hundreds of thousands of ratings: counting them all would cost the page the district's size.
// Not server-only and without zod: the scale form shows the words.

export const RATINGS_COUNTED_UP_TO = 1000;

/** "1 rating", "12 ratings", or "1,000 or more ratings" for a count that reached the cap. */
export function ratingsInWords(n: number): string {
  if (n >= RATINGS_COUNTED_UP_TO) return `${RATINGS_COUNTED_UP_TO.toLocaleString("en-US")} or more ratings`;
  return `${n} ${n === 1 ? "rating" : "ratings"}`;
}

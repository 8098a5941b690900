export const PAGE_SIZE = 20;

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

/** A 1-based page number from a search param; anything odd becomes 1. */
export function pageNumber(raw: unknown): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function pageArgs(page: number, size = PAGE_SIZE) {
  return { skip: (page - 1) * size, take: size };
}

export function toPage<T>(items: T[], total: number, page: number, size = PAGE_SIZE): Page<T> {
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / size)) };
}

/**
 * One keyset page from the rows a query read in the page's order: a page and one more, read
 * forwards after a cursor (or from the start), or backwards before one (then put back in order).
 * `cursorAt` names a row as a cursor. The same rule as keyset() in lib/people/listing.ts, for
 * pages read with SQL.
 */
export function keysetSlice<T>(
  rows: readonly T[],
  size: number,
  from: { before: boolean; after: boolean },
  cursorAt: (row: T) => string,
): { items: T[]; next: string | null; previous: string | null } {
  const more = rows.length > size;
  const items = rows.slice(0, size);
  if (from.before) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  const at = (row: T | undefined) => (row === undefined ? null : cursorAt(row));
  return {
    items,
    // Read backwards, the page we came from follows; read forwards, one precedes when we started past the first.
    next: from.before || more ? at(last) : null,
    previous: from.before ? (more ? at(first) : null) : from.after ? at(first) : null,
  };
}

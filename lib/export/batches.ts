// Rows read a batch at a time, oldest first, by keyset (createdAt, id): the next batch starts after
// the last row of the one before, so a student with years of records is never read in one query.
import "server-only";

type Keyed = { id: string; createdAt: Date };

/** Rows after `last` in (createdAt, id) order; nothing for the first batch. */
export function after(last: Keyed | undefined) {
  return last ? { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] } : {};
}

export const oldestFirst = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Every row `read` gives, one batch of `size` at a time. */
export async function* batches<T>(read: (last: T | undefined) => Promise<T[]>, size: number): AsyncGenerator<T> {
  let last: T | undefined;
  for (;;) {
    const rows = await read(last);
    yield* rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

/**
 * Every row, oldest first: `read` gets the condition "after the last row read" to add to its
 * `where` (with `orderBy: oldestFirst` and `take: size`).
 */
export function oldestFirstBatches<T extends Keyed>(
  read: (afterLast: ReturnType<typeof after>) => Promise<T[]>,
  size: number,
): AsyncGenerator<T> {
  return batches<T>((last) => read(after(last)), size);
}

/** The same, mapped row by row. */
export async function* mapped<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield f(row);
}

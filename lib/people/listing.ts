// Keyset pages and text search for long admin lists (people, classes, courses). A page is
// found from where the previous one ended, ordered by (key, id), so its cost does not
// grow with how far in it is, and a row added meanwhile never shifts or repeats another.
import { PAGE_SIZE } from "@/lib/pagination";

export type KeysetPage<T> = { items: T[]; next: string | null; previous: string | null };
export type PageRequest = { after?: string | null; before?: string | null };

type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** A cursor from a search param; anything odd is no cursor (the first page). */
export function decodeCursor(raw: unknown): Cursor | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // Not ours: start from the beginning.
  }
  return null;
}

type KeysetOptions = {
  size?: number;
  /** Newest first, for dates. */
  descending?: boolean;
  /** The key is a date column (its cursor holds the ISO time). */
  date?: boolean;
};

/**
 * Prisma arguments for one page ordered by (`field`, id), after or before a cursor, and a
 * function that turns the rows fetched into the page. One row more than a page is read
 * to know whether another page follows.
 */
export function keyset<F extends string>(field: F, request: PageRequest, options: KeysetOptions = {}) {
  const size = options.size ?? PAGE_SIZE;
  const read = (raw: unknown) => {
    const c = decodeCursor(raw);
    if (!c || !options.date) return c && { key: c.key as string | Date, id: c.id };
    const key = new Date(c.key);
    return Number.isNaN(key.getTime()) ? null : { key, id: c.id };
  };
  const before = read(request.before);
  const after = before ? null : read(request.after);
  const cursor = before ?? after;
  // Reading backwards flips the order; the rows are put back in order below.
  const ascending = !options.descending !== Boolean(before);
  const op = ascending ? "gt" : "lt";
  const dir = ascending ? ("asc" as const) : ("desc" as const);
  const where = cursor ? { OR: [{ [field]: { [op]: cursor.key } }, { [field]: cursor.key, id: { [op]: cursor.id } }] } : {};
  return {
    where,
    orderBy: [{ [field]: dir }, { id: dir }] as { [K in F | "id"]?: "asc" | "desc" }[],
    take: size + 1,
    page<T extends { id: string }>(rows: T[], keyOf: (row: T) => string | Date): KeysetPage<T> {
      const more = rows.length > size;
      const items = rows.slice(0, size);
      if (before) items.reverse();
      const at = (row: T | undefined) => {
        if (!row) return null;
        const k = keyOf(row);
        return encodeCursor({ key: k instanceof Date ? k.toISOString() : k, id: row.id });
      };
      const first = items[0];
      const last = items[items.length - 1];
      return {
        items,
        // Read backwards, the page we came from follows; read forwards, one precedes when we started past the first.
        next: before || more ? at(last) : null,
        previous: before ? (more ? at(first) : null) : after ? at(first) : null,
      };
    },
  };
}

/** Text for a LIKE pattern, matched literally: % and _ are wildcards to Postgres. */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A search box's text, trimmed; blank means no search. */
export function searchText(raw: unknown): string {
  const text = typeof raw === "string" ? raw.trim().slice(0, 100) : "";
  return text;
}

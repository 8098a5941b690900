// A level's columns in plain SQL, and the level back from a row: for the reads that skip Prisma's
// nested selects (their compilation cost more CPU than the database took, issue 12).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { LEVEL_SELECT, type LevelView } from "./levels";

/** The fields LEVEL_SELECT reads. */
const LEVEL_FIELDS = Object.keys(LEVEL_SELECT);

/** `table`'s level columns named `alias.field`, for a SELECT list. */
export function levelColumns(table: string, alias: string): Prisma.Sql {
  return Prisma.raw(LEVEL_FIELDS.map((f) => `${table}."${f}" AS "${alias}.${f}"`).join(", "));
}

/** The level read by levelColumns(…, alias), or null when the row has none (an outer join found no level). */
export function levelFrom(row: Record<string, unknown>, alias: string): LevelView | null {
  if (row[`${alias}.id`] === null || row[`${alias}.id`] === undefined) return null;
  return Object.fromEntries(LEVEL_FIELDS.map((f) => [f, row[`${alias}.${f}`]])) as LevelView;
}

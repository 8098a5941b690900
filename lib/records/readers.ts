// Guards every read and write of the records helpers against a Prisma quirk: an empty
// `OR: []` nested inside `AND: [...]` is dropped instead of matching nothing
// (prisma/orm#17367). `recordsVisibleTo` gives an empty OR to a person with no student,
// guardian or teacher membership (an admin), so without this guard an admin would see
// every record of their district. The checks here make such a person find nothing.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { findVisibleRecord, recordsVisibleTo } from "./access";

const READERS = new Set(["STUDENT", "GUARDIAN", "TEACHER"]);

/** Whether any of the actor's memberships can relate them to a record at all. */
export function mayHaveRecords(actor: Actor): boolean {
  return actor.memberships.some((m) => READERS.has(m.role));
}

/** `recordsVisibleTo`, matching nothing for someone who can see no record. */
export function readableRecords(actor: Actor): Prisma.LearningRecordWhereInput {
  return mayHaveRecords(actor) ? recordsVisibleTo(actor) : { id: { in: [] } };
}

/** `findVisibleRecord`, not found for someone who can see no record. */
export function findReadableRecord<S extends Prisma.LearningRecordSelect>(tx: Tx, actor: Actor, recordId: string, select: S) {
  if (!mayHaveRecords(actor)) throw new NotFoundError("That learning record");
  return findVisibleRecord(tx, actor, recordId, select);
}

import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type AuditEntry = {
  /** The organization whose log this belongs in: the record's school, or a person's district. */
  organizationId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Prisma.InputJsonValue;
};

export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: entry });
}

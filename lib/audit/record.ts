import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type AuditEntry = {
  schoolId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Prisma.InputJsonValue;
};

export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: entry });
}

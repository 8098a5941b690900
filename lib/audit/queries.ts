import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { pageArgs, toPage } from "@/lib/pagination";

export async function listAuditEvents(actor: Actor, page: number) {
  if (!can(actor.role, "audit:view")) throw new ForbiddenError();
  const where = { schoolId: actor.schoolId };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(page),
      select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, actor: { select: { name: true, role: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return toPage(rows, total, page);
}

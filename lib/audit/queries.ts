import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { pageArgs, toPage } from "@/lib/pagination";
import { administered } from "@/lib/people/access";
import { displayName } from "@/lib/people/names";

/** The audit log of the organization the admin acts for (a district's includes its schools). */
export async function listAuditEvents(actor: Actor, page: number) {
  if (!can(actor.acting.role, "audit:view")) throw new ForbiddenError();
  const where = { organization: administered(actor, "acting") };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(page),
      select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return toPage(
    rows.map((r) => ({ ...r, actorName: r.actor ? displayName(r.actor) : "System" })),
    total,
    page,
  );
}

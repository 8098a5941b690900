import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RosterImportStatus } from "@/lib/generated/prisma/enums.ts";
import { requireRosterImporter } from "./policy";
import type { EntityCounts, RosterEntity, RosterReport } from "./report";

export type RosterImportSummary = {
  id: string;
  createdAt: Date;
  appliedAt: Date | null;
  fileName: string;
  status: RosterImportStatus;
  actorName: string | null;
  counts: Record<RosterEntity, EntityCounts> | null;
  errorCount: number;
  failure: string | null;
};

/** The district's latest imports, newest first; only their counts are read, not the files or every problem. */
export async function listRosterImports(actor: Actor, limit = 10): Promise<RosterImportSummary[]> {
  requireRosterImporter(actor);
  return db.$queryRaw<RosterImportSummary[]>`
    SELECT r.id, r."createdAt", r."appliedAt", r."fileName", r.status, u.name AS "actorName",
           r.report -> 'counts' AS counts, COALESCE((r.report ->> 'errorCount')::int, 0) AS "errorCount",
           r.report ->> 'failure' AS failure
    FROM "RosterImport" r LEFT JOIN "User" u ON u.id = r."actorId"
    WHERE r."districtId" = ${actor.districtId}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${limit}`;
}

/** One import of the actor's district with its full report. */
export async function getRosterImport(actor: Actor, importId: string) {
  requireRosterImporter(actor);
  const found = await db.rosterImport.findFirst({
    where: { id: importId, districtId: actor.districtId },
    select: { id: true, createdAt: true, appliedAt: true, fileName: true, status: true, report: true, actor: { select: { name: true } } },
  });
  if (!found) throw new NotFoundError("That roster import");
  return { ...found, actorName: found.actor?.name ?? null, report: found.report as unknown as RosterReport };
}

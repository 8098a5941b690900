// Checking and applying an import for a district. The admin pages reach these through
// commands.ts (which authorizes the actor); the command line calls them directly for the
// district it was given, with no actor.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, DomainError, InputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { applyChanges } from "./apply";
import { archiveOf, collectFiles, filesOf, type Upload } from "./files";
import { parseRoster, Problems } from "./parse";
import { planRoster } from "./plan";
import { canApply, type CheckedImport, type RosterReport } from "./report";

export type RunContext = { districtId: string; actorId: string | null };

/** Applying 20 000 people takes seconds; the limit leaves room for far larger districts. */
const APPLY_TIMEOUT_MS = 10 * 60_000;

/** Applying twice is refused before anything is read or marked. */
class AlreadyApplied extends ConflictError {
  constructor() {
    super("This import was applied already. To import the roster again, check the files again.");
  }
}

const json = (report: RosterReport) => report as unknown as Prisma.InputJsonValue;

/** The dry run: parses and plans the upload, stores it with its report, changes nothing else. */
export async function checkUpload(ctx: RunContext, fileName: string, uploads: Upload[]): Promise<CheckedImport> {
  const collected = collectFiles(uploads);
  if (!collected.files.size && !collected.fileErrors.length) {
    const message = "This upload has no OneRoster files: choose the export's zip, or its CSV files (users.csv, enrollments.csv, …).";
    throw new InputError(message, { files: [message] });
  }
  const problems = new Problems();
  problems.notes.push(...collected.notes);
  problems.fileErrors.push(...collected.fileErrors);
  const { report } = await planRoster(db, ctx.districtId, parseRoster(collected.files, problems));
  const row = await db.rosterImport.create({
    data: { districtId: ctx.districtId, actorId: ctx.actorId, fileName, archive: archiveOf(collected.files), report: json(report) },
    select: { id: true },
  });
  return { id: row.id, report };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505" || e.code === "P2002" || /unique constraint|UniqueConstraintViolation/i.test(String(e.message ?? "")))
      return true;
  }
  return false;
}

function failureOf(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (isUniqueViolation(error)) {
    return "Someone added or changed a person or a class while the import ran, so an email or a roster id it needed was taken. Nothing was changed: check the files again.";
  }
  return "The import stopped on an unexpected error and nothing was changed. Check the files again; if it happens again, ask for help.";
}

/**
 * Applies a checked import: re-reads the very files that were checked, plans them again
 * against the database as it is now (the report returned is that fresh plan) and writes
 * everything in one transaction. Any failure leaves the district exactly as it was and
 * marks the import FAILED with the reason.
 */
export async function applyImport(ctx: RunContext, importId: string): Promise<CheckedImport> {
  const found = await db.rosterImport.findFirst({
    where: { id: importId, districtId: ctx.districtId },
    select: { id: true, status: true, archive: true, report: true },
  });
  if (!found) throw new NotFoundError("That roster import");
  if (found.status === "APPLIED") throw new AlreadyApplied();
  const stored = found.report as unknown as RosterReport;
  const parsed = parseRoster(filesOf(found.archive));
  const now = new Date();
  try {
    const report = await db.$transaction(
      async (tx) => {
        // The import row, then the district: one apply at a time per district.
        const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "RosterImport" WHERE id = ${found.id} FOR UPDATE`;
        if (locked?.status === "APPLIED") throw new AlreadyApplied();
        await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${ctx.districtId} FOR UPDATE`;
        const plan = await planRoster(tx, ctx.districtId, parsed, now);
        if (!canApply(plan.report)) {
          throw new InputError(`The files have problems that stop the import: ${plan.report.fileErrors.map((e) => e.reason).join(" ")}`);
        }
        // Notes about files left out of the stored archive (demographics.csv, …) were made at check time.
        const report: RosterReport = { ...plan.report, notes: [...new Set([...stored.notes, ...plan.report.notes])] };
        await applyChanges(tx, ctx.districtId, plan.changes, now);
        await tx.rosterImport.update({ where: { id: found.id }, data: { status: "APPLIED", appliedAt: now, report: json(report) } });
        await recordAudit(tx, {
          organizationId: ctx.districtId,
          actorId: ctx.actorId,
          action: "roster.apply",
          entityType: "RosterImport",
          entityId: found.id,
          detail: { counts: report.counts, errorCount: report.errorCount } as unknown as Prisma.InputJsonValue,
        });
        return report;
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
    );
    return { id: found.id, report };
  } catch (error) {
    if (error instanceof AlreadyApplied) throw error;
    const failure = failureOf(error);
    await db.rosterImport.update({ where: { id: found.id }, data: { status: "FAILED", report: json({ ...stored, failure }) } });
    if (error instanceof DomainError) throw error;
    // A record taken meanwhile is expected now and then; anything else is a bug to look at.
    if (!isUniqueViolation(error)) console.error("Roster import failed", error);
    throw new ConflictError(failure);
  }
}

// Importing a CASE package as a school's or a district's framework. One transaction, a
// fixed number of statements whatever the size of the framework: the framework row, one
// read of what is there, one bulk insert of new items, one UPDATE … FROM jsonb for every
// changed item (and every new item's parent), one UPDATE to retire what is gone.
// Items are matched by their CASE identifier, so a re-import updates in place and the
// same package twice changes nothing. Items no longer in the package are retired, never
// deleted: goals that use them keep them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { administered } from "@/lib/people/access";
import { hasErrors, parseCasePackage, type CaseItem, type CaseProblem } from "./parse";

/** The command line imports as the system, for the organization it was given; there is no actor. */
export type SystemCaller = { system: "command-line" };
export const COMMAND_LINE: SystemCaller = { system: "command-line" };

export type CaseImportInput = {
  /** The district (shared by its schools) or the one school that will own the framework. */
  organizationId: string;
  /** The package: its JSON text, or the parsed value. */
  json: unknown;
};

export type CaseImportResult = {
  framework: { id: string; caseId: string; title: string; created: boolean };
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** Warnings about what was imported anyway (errors refuse the package instead). */
  problems: CaseProblem[];
};

/** A package that cannot be imported; nothing was written. `problems` says why, item by item. */
export class CasePackageError extends InputError {
  constructor(public readonly problems: CaseProblem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    const first = errors[0]?.message ?? "The package cannot be read.";
    super(
      errors.length > 1
        ? `The package cannot be imported (${errors.length} problems). First: ${first}`
        : `The package cannot be imported: ${first}`,
      { file: errors.slice(0, 20).map((p) => p.message) },
    );
  }
}

/** Thousands of items take seconds; the limit leaves room for the largest frameworks. */
const TIMEOUT_MS = 5 * 60_000;

/**
 * Who may import: an administrator of the owning organization or of one above it
 * (district administrators for the district and its schools, a school's administrators
 * for their school). An organization outside the actor's district is simply not found.
 */
async function owner(tx: Tx, caller: Actor | SystemCaller, organizationId: string) {
  const select = { id: true, name: true } as const;
  if ("system" in caller) {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select });
    if (!org) throw new NotFoundError("That school or district");
    return org;
  }
  const org = await tx.organization.findFirst({ where: { id: organizationId, districtId: caller.districtId }, select });
  if (!org) throw new NotFoundError("That school or district");
  const administers = await tx.organization.count({ where: { AND: [{ id: org.id }, administered(caller)] } });
  if (!administers) {
    throw new ForbiddenError(`Only an administrator of ${org.name} or of its district can import a standards framework for it.`);
  }
  return org;
}

type Existing = {
  id: string;
  caseId: string | null;
  parentId: string | null;
  itemType: string;
  position: number;
  code: string;
  gradeLevels: string[];
  description: string;
  subject: string;
  framework: string;
  retiredAt: Date | null;
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function unchanged(row: Existing, item: CaseItem, parentCaseId: string | null, title: string) {
  return (
    row.retiredAt === null &&
    parentCaseId === item.parentCaseId &&
    row.itemType === item.itemType &&
    row.position === item.position &&
    row.code === item.code &&
    sameList(row.gradeLevels, item.gradeLevels) &&
    row.description === item.description &&
    row.subject === item.subject &&
    row.framework === title
  );
}

/** Writes every field (and the parent) of the given rows in one statement; un-retires them. */
function updateRows(tx: Tx, frameworkId: string, rows: object[]) {
  if (!rows.length) return 0;
  return tx.$executeRaw`
    UPDATE "Standard" AS s SET
      "parentId" = v."parentId",
      "itemType" = v."itemType",
      "position" = v."position",
      "code" = v."code",
      "gradeLevels" = v."gradeLevels",
      "description" = v."description",
      "subject" = v."subject"::"Subject",
      "framework" = v."framework",
      "retiredAt" = NULL,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      "id" text, "parentId" text, "itemType" text, "position" int, "code" text,
      "gradeLevels" text[], "description" text, "subject" text, "framework" text
    )
    WHERE s."id" = v."id" AND s."frameworkId" = ${frameworkId}`;
}

export async function importCasePackage(caller: Actor | SystemCaller, input: CaseImportInput): Promise<CaseImportResult> {
  const parsed = parseCasePackage(input.json);
  const actorId = "system" in caller ? null : caller.id;
  return db.$transaction(
    async (tx) => {
      const org = await owner(tx, caller, input.organizationId);
      if (hasErrors(parsed.problems) || !parsed.document) throw new CasePackageError(parsed.problems);
      const doc = parsed.document;
      const now = new Date();

      const before = await tx.standardFramework.findUnique({
        where: { organizationId_caseId: { organizationId: org.id, caseId: doc.caseId } },
        select: { id: true },
      });
      const { caseId, ...fields } = doc;
      const framework = await tx.standardFramework.upsert({
        where: { organizationId_caseId: { organizationId: org.id, caseId } },
        create: { organizationId: org.id, caseId, ...fields, lastImportedAt: now },
        update: { ...fields, lastImportedAt: now },
        select: { id: true, title: true },
      });

      const existing: Existing[] = await tx.standard.findMany({
        where: { frameworkId: framework.id },
        select: {
          id: true,
          caseId: true,
          parentId: true,
          itemType: true,
          position: true,
          code: true,
          gradeLevels: true,
          description: true,
          subject: true,
          framework: true,
          retiredAt: true,
        },
      });
      const byCaseId = new Map(existing.map((row) => [row.caseId, row]));
      const caseIdOf = new Map(existing.map((row) => [row.id, row.caseId]));

      // New items first, without parents (a parent may be new too); the pass below links them.
      const fresh = parsed.items.filter((item) => !byCaseId.has(item.caseId));
      const created = fresh.length
        ? await tx.standard.createManyAndReturn({
            data: fresh.map((item) => ({
              organizationId: org.id,
              frameworkId: framework.id,
              framework: doc.title,
              caseId: item.caseId,
              itemType: item.itemType,
              position: item.position,
              code: item.code,
              gradeLevels: item.gradeLevels,
              description: item.description,
              subject: item.subject,
            })),
            select: { id: true, caseId: true },
          })
        : [];
      const idOf = new Map<string, string>();
      for (const row of [...existing, ...created]) if (row.caseId) idOf.set(row.caseId, row.id);

      let updated = 0;
      let same = 0;
      const rows: object[] = [];
      for (const item of parsed.items) {
        const row = byCaseId.get(item.caseId);
        if (row) {
          if (unchanged(row, item, row.parentId ? (caseIdOf.get(row.parentId) ?? null) : null, doc.title)) {
            same++;
            continue;
          }
          updated++;
        } else if (!item.parentCaseId) continue;
        const { caseId: itemCaseId, parentCaseId, ...values } = item;
        rows.push({
          id: idOf.get(itemCaseId),
          parentId: parentCaseId ? idOf.get(parentCaseId) : null,
          framework: doc.title,
          ...values,
        });
      }
      await updateRows(tx, framework.id, rows);

      const inPackage = new Set(parsed.items.map((item) => item.caseId));
      const gone = existing.filter((row) => row.retiredAt === null && !(row.caseId && inPackage.has(row.caseId))).map((row) => row.id);
      const retired = gone.length
        ? await tx.$executeRaw`
            UPDATE "Standard" SET "retiredAt" = ${now}, "updatedAt" = ${now}
            WHERE "frameworkId" = ${framework.id} AND "id" IN (SELECT jsonb_array_elements_text(${JSON.stringify(gone)}::jsonb))`
        : 0;

      const result: CaseImportResult = {
        framework: { id: framework.id, caseId, title: framework.title, created: !before },
        created: created.length,
        updated,
        retired,
        unchanged: same,
        problems: parsed.problems,
      };
      await recordAudit(tx, {
        organizationId: org.id,
        actorId,
        action: "framework.import",
        entityType: "StandardFramework",
        entityId: framework.id,
        detail: {
          caseId,
          title: framework.title,
          via: "system" in caller ? "command line" : "app",
          created: result.created,
          updated,
          retired,
          unchanged: same,
          warnings: parsed.problems.length,
        },
      });
      return result;
    },
    { timeout: TIMEOUT_MS, maxWait: 30_000 },
  );
}

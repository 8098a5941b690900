// learning-records.json and xapi-statements.json. A guardian's export reads records through
// recordsVisibleTo (a suggestion is the student's alone until accepted) and, of the statements,
// only those the records they may see were made from.
import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";
import type { ExportableStudent } from "./access";
import { batches, mapped, oldestFirst, oldestFirstBatches } from "./batches";
import { attachmentPath } from "./paths";

const RECORD_BATCH = 50;
const STATEMENT_BATCH = 200;
const person = { select: { id: true, name: true } } as const;

export function recordScope(actor: Actor, student: ExportableStudent): Prisma.LearningRecordWhereInput {
  if (student.scope === "district") return { studentId: student.id, school: { districtId: student.districtId } };
  return { AND: [recordsVisibleTo(actor), { studentId: student.id }] };
}

export const attachmentSelect = {
  id: true,
  kind: true,
  title: true,
  url: true,
  fileName: true,
  fileType: true,
  fileSize: true,
  storageKey: true,
  createdAt: true,
} satisfies Prisma.LearningRecordAttachmentSelect;

function recordSelect(actor: Actor, student: ExportableStudent) {
  return {
    id: true,
    status: true,
    title: true,
    description: true,
    setting: true,
    place: true,
    happenedOn: true,
    durationMinutes: true,
    withWhom: true,
    reviewRequestedAt: true,
    statementId: true,
    createdAt: true,
    updatedAt: true,
    school: { select: { id: true, name: true } },
    attachments: { orderBy: oldestFirst, select: attachmentSelect },
    standards: {
      orderBy: { linkedAt: "asc" },
      select: { linkedAt: true, standard: { select: { id: true, code: true, description: true } } },
    },
    // A linked goal is named only where its plan is in the same export (a guardian never learns a draft's goals).
    goals: {
      where: student.scope === "district" ? {} : { goal: { plan: plansVisibleTo(actor) } },
      orderBy: { linkedAt: "asc" },
      select: { linkedAt: true, goal: { select: { id: true, title: true, planId: true } } },
    },
    linkEvents: { orderBy: oldestFirst, select: { id: true, standardId: true, action: true, createdAt: true, actor: person } },
    ratings: {
      orderBy: oldestFirst,
      select: {
        id: true,
        standardId: true,
        feedback: true,
        createdAt: true,
        rater: person,
        level: { select: { name: true, points: true, proficient: true } },
      },
    },
  } satisfies Prisma.LearningRecordSelect;
}

type Attachment = Prisma.LearningRecordAttachmentGetPayload<{ select: typeof attachmentSelect }>;

export function attachmentOut({ storageKey, ...a }: Attachment) {
  return { ...a, file: storageKey ? { name: a.fileName, type: a.fileType, size: a.fileSize, archivePath: attachmentPath(a) } : null };
}

export function learningRecords(actor: Actor, student: ExportableStudent) {
  const where = recordScope(actor, student);
  const select = recordSelect(actor, student);
  const rows = oldestFirstBatches(
    (afterLast) => db.learningRecord.findMany({ where: { AND: [where, afterLast] }, orderBy: oldestFirst, take: RECORD_BATCH, select }),
    RECORD_BATCH,
  );
  return mapped(rows, (r) => ({ ...r, attachments: r.attachments.map(attachmentOut) }));
}

/**
 * How connected tools name the student in statements (lib/xapi/keys.ts): their email as mbox or its
 * SHA-1, and every identifier a statement already tied to them used (an account on a tool's site).
 * Each also as the object of a statement ("object …").
 */
async function agentKeysOf(student: ExportableStudent): Promise<string[]> {
  const [user, linked] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: student.id }, select: { email: true } }),
    db.xapiStatement.findMany({
      where: { record: { studentId: student.id } },
      distinct: ["actorKey"],
      select: { actorKey: true },
    }),
  ]);
  const mbox = `mailto:${user.email.toLowerCase()}`;
  const keys = new Set([`mbox:${mbox}`, `sha1:${createHash("sha1").update(mbox).digest("hex")}`, ...linked.map((s) => s.actorKey)]);
  return [...keys].flatMap((k) => [k, `object ${k}`]);
}

async function statementScope(actor: Actor, student: ExportableStudent): Promise<Prisma.XapiStatementWhereInput> {
  if (student.scope === "family") return { record: { AND: [recordsVisibleTo(actor), { studentId: student.id }] } };
  const inDistrict = { tool: { school: { districtId: student.districtId } } };
  return { ...inDistrict, OR: [{ relatedAgentKeys: { hasSome: await agentKeysOf(student) } }, { record: { studentId: student.id } }] };
}

/** Statements in the order they were stored, by keyset on (stored, id). */
export async function* statements(actor: Actor, student: ExportableStudent) {
  const where = await statementScope(actor, student);
  type Row = { id: string; stored: Date; timestamp: Date; voided: boolean; statement: Prisma.JsonValue; tool: { name: string } };
  yield* batches<Row>(
    (last) =>
      db.xapiStatement.findMany({
        where: {
          AND: [where, last ? { OR: [{ stored: { gt: last.stored } }, { stored: last.stored, id: { gt: last.id } }] } : {}],
        },
        orderBy: [{ stored: "asc" }, { id: "asc" }],
        take: STATEMENT_BATCH,
        select: { id: true, stored: true, timestamp: true, voided: true, statement: true, tool: { select: { name: true } } },
      }),
    STATEMENT_BATCH,
  );
}

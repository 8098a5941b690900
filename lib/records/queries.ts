// Reading learning records: the student's own list and suggestions, one student's records
// for their guardians and teachers, a record's page, and its files. Every read goes through
// `recordsVisibleTo`, so a record the reader may not see is simply not found.
import "server-only";
import { withDisclosure } from "@/lib/disclosure/record";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { INLINE_TYPES } from "@/lib/evidence/files";
import { readStoredFile } from "@/lib/evidence/storage";
import { InputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { taughtEnrollment } from "@/lib/people/access";
import { plansVisibleTo } from "@/lib/plans/access";
import { SANDBOX_POLICY } from "@/lib/security/headers";
import { findVisibleRecord, recordsVisibleTo } from "./access";

export const RECORDS_PAGE_SIZE = 20;

const LIST_SELECT = {
  id: true,
  title: true,
  setting: true,
  place: true,
  happenedOn: true,
  durationMinutes: true,
  reviewRequestedAt: true,
} satisfies Prisma.LearningRecordSelect;

export type RecordListItem = {
  id: string;
  title: string;
  setting: Prisma.LearningRecordGetPayload<{ select: typeof LIST_SELECT }>["setting"];
  place: string;
  happenedOn: string;
  durationMinutes: number | null;
  reviewRequestedAt: Date | null;
  attachments: number;
  standards: number;
  ratings: number;
};
export type RecordPage = { items: RecordListItem[]; next: string | null };

type Counts = Pick<RecordListItem, "attachments" | "standards" | "ratings">;

/**
 * Attachments, linked standards and ratings of the page's records only, one grouped read each along
 * the (recordId, …) indexes. A relation `_count` in the select would join each whole table's
 * GROUP BY (every record of the district) to every page.
 */
async function countsOf(ids: readonly string[]): Promise<(id: string) => Counts> {
  const where = { recordId: { in: [...ids] } };
  const [attachments, standards, ratings] = ids.length
    ? await Promise.all([
        db.learningRecordAttachment.groupBy({ by: ["recordId"], where, _count: { _all: true } }),
        db.learningRecordStandard.groupBy({ by: ["recordId"], where, _count: { _all: true } }),
        db.recordRating.groupBy({ by: ["recordId"], where, _count: { _all: true } }),
      ])
    : [[], [], []];
  const tally = (rows: { recordId: string; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.recordId, r._count._all]));
  const [a, st, r] = [tally(attachments), tally(standards), tally(ratings)];
  return (id) => ({ attachments: a.get(id) ?? 0, standards: st.get(id) ?? 0, ratings: r.get(id) ?? 0 });
}

const listItem = (r: Prisma.LearningRecordGetPayload<{ select: typeof LIST_SELECT }>, counts: Counts): RecordListItem => ({
  id: r.id,
  title: r.title,
  setting: r.setting,
  place: r.place,
  happenedOn: isoDay(r.happenedOn),
  durationMinutes: r.durationMinutes,
  reviewRequestedAt: r.reviewRequestedAt,
  ...counts,
});

/** A page boundary (the last row's day and id), opaque to the browser. */
const encodeCursor = (day: string, id: string) => Buffer.from(JSON.stringify([day, id])).toString("base64url");
function decodeCursor(raw: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v[0]) && typeof v[1] === "string") {
      return [v[0], v[1]];
    }
  } catch {
    // answered below
  }
  throw new InputError("That page of records is no longer there.", { after: ["Not a page of this list."] });
}

/** Newest first by when the learning happened; keyset pages along the (student, status, day, id) index. */
async function recordPage(where: Prisma.LearningRecordWhereInput, after?: string): Promise<RecordPage> {
  const boundary: Prisma.LearningRecordWhereInput[] = [];
  if (after) {
    const [day, id] = decodeCursor(after);
    const on = new Date(`${day}T00:00:00.000Z`);
    boundary.push({ OR: [{ happenedOn: { lt: on } }, { happenedOn: on, id: { lt: id } }] });
  }
  const rows = await db.learningRecord.findMany({
    where: { AND: [where, ...boundary] },
    orderBy: [{ happenedOn: "desc" }, { id: "desc" }],
    take: RECORDS_PAGE_SIZE + 1,
    select: LIST_SELECT,
  });
  const shown = rows.slice(0, RECORDS_PAGE_SIZE);
  const countOf = await countsOf(shown.map((r) => r.id));
  const items = shown.map((r) => listItem(r, countOf(r.id)));
  const last = items.at(-1);
  return { items, next: rows.length > RECORDS_PAGE_SIZE && last ? encodeCursor(last.happenedOn, last.id) : null };
}

/** The student's own records (not suggestions). */
export function listMyRecords(actor: Actor, after?: string): Promise<RecordPage> {
  return recordPage({ AND: [recordsVisibleTo(actor), { studentId: actor.id, status: "RECORDED" }] }, after);
}

export type Suggestion = RecordListItem & { description: string; tool: string | null };

/** What the student's learning apps suggested and they have not yet accepted or dismissed (only the student sees these). */
export async function listSuggestions(actor: Actor): Promise<Suggestion[]> {
  const rows = await db.learningRecord.findMany({
    where: { AND: [recordsVisibleTo(actor), { studentId: actor.id, status: "SUGGESTED" }] },
    orderBy: [{ happenedOn: "desc" }, { id: "desc" }],
    take: RECORDS_PAGE_SIZE,
    select: { ...LIST_SELECT, description: true, statement: { select: { tool: { select: { name: true } } } } },
  });
  const countOf = await countsOf(rows.map((r) => r.id));
  return rows.map((r) => ({ ...listItem(r, countOf(r.id)), description: r.description, tool: r.statement?.tool.name ?? null }));
}

/**
 * One student's records for the reader: themselves, their guardians and the teachers who
 * teach them now (at the record's school). Admins and everyone else: not found.
 */
export async function listStudentRecords(actor: Actor, studentId: string, after?: string) {
  const roles = new Set(actor.memberships.map((m) => m.role));
  const related: Prisma.UserWhereInput[] = [];
  if (roles.has("STUDENT")) related.push({ id: actor.id });
  if (roles.has("GUARDIAN")) related.push({ guardedBy: { some: { guardianId: actor.id } } });
  if (roles.has("TEACHER")) related.push({ enrollments: { some: taughtEnrollment(actor) } });
  const student = related.length
    ? await db.user.findFirst({
        where: { id: studentId, districtId: actor.districtId, memberships: { some: { role: "STUDENT" } }, OR: related },
        select: { id: true, name: true },
      })
    : null;
  if (!student) throw new NotFoundError("That student");
  const page = await recordPage({ AND: [recordsVisibleTo(actor), { studentId: student.id, status: "RECORDED" }] }, after);
  return { student, ...page };
}

/** A record's page. Linked goals only of plans the reader may open (a goal's title names its plan's work). */
const detailSelect = (actor: Actor) =>
  ({
    id: true,
    studentId: true,
    schoolId: true,
    status: true,
    title: true,
    description: true,
    setting: true,
    place: true,
    happenedOn: true,
    durationMinutes: true,
    withWhom: true,
    reviewRequestedAt: true,
    version: true,
    createdAt: true,
    statement: { select: { tool: { select: { name: true } } } },
    attachments: {
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, title: true, url: true, fileName: true, fileType: true, fileSize: true },
    },
    standards: {
      orderBy: [{ linkedAt: "asc" }, { standardId: "asc" }],
      select: { linkedAt: true, standard: { select: { id: true, code: true, description: true } } },
    },
    goals: {
      where: { goal: { plan: plansVisibleTo(actor) } },
      orderBy: [{ linkedAt: "asc" }, { goalId: "asc" }],
      select: { goal: { select: { id: true, title: true, plan: { select: { id: true, title: true } } } } },
    },
    ratings: {
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: {
        id: true,
        feedback: true,
        createdAt: true,
        level: { select: { name: true } },
        rater: { select: { name: true } },
        standard: { select: { code: true, description: true } },
      },
    },
    linkEvents: {
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: {
        id: true,
        action: true,
        createdAt: true,
        actor: { select: { name: true } },
        standard: { select: { code: true, description: true } },
      },
    },
  }) satisfies Prisma.LearningRecordSelect;

/**
 * A record's page: what was told, attachments, links, ratings and the standards' history;
 * for the student also the goals of their plans to link and whether they may change it.
 */
export async function getRecord(actor: Actor, recordId: string) {
  // Noted in the disclosure log, allowed or refused.
  return withDisclosure(
    actor,
    { action: "record.view", entityType: "LearningRecord", entityId: recordId },
    () => loadRecord(actor, recordId),
    (r) => r.studentId,
  );
}

async function loadRecord(actor: Actor, recordId: string) {
  const record = await findVisibleRecord(db, actor, recordId, detailSelect(actor));
  const own = allows(record.relations, "record:add");
  // Not in the select: findVisibleRecord selects `student` for the relationships, replacing ours.
  const student = await db.user.findUniqueOrThrow({ where: { id: record.studentId }, select: { name: true } });
  const goalOptions = own
    ? await db.goal.findMany({
        where: { plan: { studentId: record.studentId, deletedAt: null } },
        orderBy: [{ plan: { startsOn: "desc" } }, { planId: "asc" }, { position: "asc" }],
        take: 200,
        select: { id: true, title: true, plan: { select: { title: true } } },
      })
    : [];
  const change = own && record.status === "RECORDED";
  // Once rated, what was told and attached stays as rated (lib/records/commands.ts refuses it too).
  const rated = change
    ? await db.recordRating.findMany({ where: { recordId: record.id }, distinct: ["standardId"], select: { standardId: true } })
    : [];
  return {
    ...record,
    student,
    happenedOn: isoDay(record.happenedOn),
    tool: record.statement?.tool.name ?? null,
    /** Standards a teacher rated the record on: they stay linked. */
    ratedStandardIds: rated.map((r) => r.standardId),
    allowed: {
      /** Add attachments, link standards and goals, ask for review. */
      change,
      /** Change what was told, remove attachments, delete: only until a teacher rates it. */
      edit: change && rated.length === 0,
      decide: own && record.status === "SUGGESTED",
    },
    goalOptions: goalOptions.map((g) => ({ id: g.id, label: `${g.title} (${g.plan.title})` })),
  };
}
export type RecordDetail = Awaited<ReturnType<typeof getRecord>>;

/** A record's file, for the download route: only to those who may see the record; never run in the app's origin. */
export async function recordFile(actor: Actor, attachmentId: string) {
  return withDisclosure(actor, { action: "record.file", entityType: "LearningRecordAttachment", entityId: attachmentId }, () =>
    loadRecordFile(actor, attachmentId),
  );
}

async function loadRecordFile(actor: Actor, attachmentId: string) {
  const a = await db.learningRecordAttachment.findFirst({
    where: { id: attachmentId, kind: "FILE", record: recordsVisibleTo(actor) },
    select: { storageKey: true, fileName: true, fileType: true },
  });
  if (!a?.storageKey || !a.fileType) throw new NotFoundError("That file");
  const bytes = await readStoredFile(a.storageKey).catch(() => {
    throw new NotFoundError("That file");
  });
  const name = (a.fileName ?? "record").replace(/["\\\r\n]/g, "_");
  const disposition = INLINE_TYPES.has(a.fileType) ? "inline" : "attachment";
  return {
    bytes,
    headers: {
      "Content-Type": a.fileType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": SANDBOX_POLICY,
      "Cache-Control": "private, no-store",
    },
  };
}

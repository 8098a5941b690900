// Learning records on the real database: who may read and change them, the edit lock, the
// standards' link history, asking for review, deleting, what stays once rated, suggestions
// (one decision wins) and upload checks.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { keyWith, messageText } from "@/lib/i18n/keys";
import { uploadDir } from "@/lib/env";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { PNG } from "@/test/files";
import { makeSchool, person, planInput } from "@/test/fixtures";
import {
  addAttachments,
  createRecord,
  decideSuggestion,
  deleteRecord,
  linkGoal,
  linkStandard,
  removeAttachment,
  requestReview,
  unlinkGoal,
  unlinkStandard,
  updateRecord,
} from "./commands";
import { contentProblem } from "@/lib/files/uploads";
import { listNotifications } from "@/lib/notifications/queries";
import { SANDBOX_POLICY } from "@/lib/security/headers";
import { findVisibleRecord } from "./access";
import { getRecord, listMyRecords, listStudentRecords, listSuggestions, recordFile, RECORDS_PAGE_SIZE } from "./queries";
import { editValues, latestToday, RATED_MESSAGE, recordFormSchema } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
let recordId: string;

const png = (name = "tide-pool.png") => new File([PNG], name, { type: "image/png" });

const fields = (overrides: Record<string, unknown> = {}) => ({
  title: "Museum visit",
  description: "Saw how bridges carry loads and drew the truss types.",
  setting: "COMMUNITY",
  place: "Science museum",
  happenedOn: "2026-10-03",
  hours: "2",
  minutes: "30",
  withWhom: "My aunt",
  links: "",
  files: [],
  ...overrides,
});

async function edit(actor: Actor, id: string, overrides: Record<string, unknown> = {}) {
  const r = await db.learningRecord.findUniqueOrThrow({ where: { id } });
  const values = editValues({ ...r, happenedOn: r.happenedOn.toISOString().slice(0, 10) });
  return updateRecord(actor, { ...values, ...overrides });
}

beforeAll(async () => {
  s = await makeSchool();
  recordId = (await createRecord(s.student, fields({ files: [png()], links: "https://museum.example/bridges" }))).id;
});

describe("recording learning", () => {
  it("stores what was told, the photo and the link, at the student's school, and audits it", async () => {
    const r = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId }, include: { attachments: true } });
    expect(r).toMatchObject({
      studentId: s.student.id,
      schoolId: s.school.id,
      status: "RECORDED",
      durationMinutes: 150,
      setting: "COMMUNITY",
    });
    expect(r.attachments.map((a) => [a.kind, a.fileType ?? a.url])).toEqual(
      expect.arrayContaining([
        ["FILE", "image/png"],
        ["LINK", "https://museum.example/bridges"],
      ]),
    );
    const file = r.attachments.find((a) => a.kind === "FILE");
    expect(existsSync(path.join(uploadDir(), file?.storageKey ?? "missing"))).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: recordId, action: "record.create", organizationId: s.school.id } })).toBe(1);
  });

  it("refuses a date in the future, a bad link and non-students", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86400_000 + 14 * 3600_000).toISOString().slice(0, 10);
    expect(tomorrow > latestToday()).toBe(true);
    await expect(createRecord(s.student, fields({ happenedOn: tomorrow }))).rejects.toThrow("records.validation.dateInFuture");
    const badLink = await createRecord(s.student, fields({ links: "javascript:alert(1)" })).catch((e: unknown) => e);
    expect((badLink as z.ZodError).issues.map((i) => i.message)).toEqual([keyWith("records.validation.linkLine", { line: 1 })]);
    await expect(createRecord(s.guardian, fields())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRecord(s.teacher, fields())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("looks inside uploads: a page renamed to .png is refused and nothing is stored", async () => {
    expect(await contentProblem("photo.png", PNG)).toBeNull();
    expect(await contentProblem("photo.jpg", PNG)).toContain("is not a JPEG image");
    const page = new File(["<html><script>alert(1)</script></html>"], "photo.png", { type: "image/png" });
    const before = await db.learningRecord.count({ where: { studentId: s.student.id } });
    const error = await createRecord(s.student, fields({ files: [png("ok.png"), page] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors.files?.[0]).toContain("is not a PNG image, though its name ends in .png");
    expect(await db.learningRecord.count({ where: { studentId: s.student.id } })).toBe(before);
    await expect(addAttachments(s.student, { recordId, links: "", files: [page] })).rejects.toBeInstanceOf(InputError);
    const oversized = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "scan.pdf");
    await expect(createRecord(s.student, fields({ files: [oversized] }))).rejects.toThrow("validation.fileTooBig|");
    expect(await db.learningRecord.count({ where: { studentId: s.student.id } })).toBe(before);
    expect(await contentProblem("notes.txt", new TextEncoder().encode("<!doctype html><p>hi"))).toContain("is not plain text");
  });
});

describe("the size of one save", () => {
  const nineMb = (name: string) => new File([new Uint8Array(9 * 1024 * 1024)], name, { type: "image/png" });

  it("refuses files over 25 MB together, beside the files field, in the form's schema and the command", async () => {
    const three = [nineMb("a.png"), nineMb("b.png"), nineMb("c.png")];
    const message = keyWith("records.validation.totalTooBigRecord", { size: 27 });
    expect(messageText(CATALOGUES.en, message, "en")).toBe(
      "These files come to 27.0 MB together; the limit is 25 MB for one record. Add the rest after saving.",
    );
    const parsed = recordFormSchema.safeParse(fields({ files: three }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.filter((i) => i.path[0] === "files").map((i) => i.message)).toEqual([message]);
    const before = await db.learningRecord.count({ where: { studentId: s.student.id } });
    await expect(createRecord(s.student, fields({ files: three }))).rejects.toThrow("records.validation.totalTooBigRecord|");
    await expect(addAttachments(s.student, { recordId, links: "", files: three })).rejects.toThrow("records.validation.totalTooBigAttach|");
    expect(await db.learningRecord.count({ where: { studentId: s.student.id } })).toBe(before);
    // Two of them (18 MB) fit.
    expect(recordFormSchema.safeParse(fields({ files: three.slice(0, 2) })).error?.issues ?? []).toEqual([]);
  });
});

describe("who may read", () => {
  it("shows the record to the student, their guardian and their teacher, and its file", async () => {
    for (const reader of [s.student, s.guardian, s.teacher]) {
      const r = await getRecord(reader, recordId);
      expect([r.title, r.student.name]).toEqual(["Museum visit", s.student.name]);
      expect(r.allowed.change).toBe(reader === s.student);
      expect((await listStudentRecords(reader, s.student.id)).items.map((i) => i.id)).toContain(recordId);
      const fileId = r.attachments.find((a) => a.kind === "FILE")?.id as string;
      const { headers } = await recordFile(reader, fileId);
      expect([headers["X-Content-Type-Options"], headers["Content-Security-Policy"]]).toEqual(["nosniff", SANDBOX_POLICY]);
    }
  });

  it("is not found for another student, another guardian, other teachers and admins", async () => {
    const fileId = (await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId, kind: "FILE" } })).id;
    for (const reader of [
      s.classmate,
      s.otherGuardian,
      s.otherTeacher,
      s.teacherB,
      s.admin,
      s.districtAdmin,
      s.otherAdmin,
      s.otherStudent,
    ]) {
      await expect(getRecord(reader, recordId), reader.name).rejects.toBeInstanceOf(NotFoundError);
      await expect(listStudentRecords(reader, s.student.id), reader.name).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordFile(reader, fileId), reader.name).rejects.toBeInstanceOf(NotFoundError);
      expect((await listMyRecords(reader)).items.map((i) => i.id)).not.toContain(recordId);
    }
  });

  it("gives TEACHER only at the record's school: a guardian who teaches their child elsewhere is only GUARDIAN", async () => {
    expect((await findVisibleRecord(db, s.teacher, recordId, { id: true })).relations).toEqual(["TEACHER"]);
    // Otto teaches at school A and is Bea's parent; Bea (school B) also joins his class at school A.
    const bea = await createRecord(s.childB, fields({ title: "Bea's garden" }));
    await db.enrollment.create({ data: { classId: s.classB.id, userId: s.childB.id, role: "STUDENT" } });
    try {
      const seen = await findVisibleRecord(db, s.otherTeacher, bea.id, { id: true });
      expect(seen.relations).toEqual(["GUARDIAN"]);
      expect((await getRecord(s.otherTeacher, bea.id)).allowed).toEqual({ change: false, edit: false, decide: false });
    } finally {
      await db.enrollment.deleteMany({ where: { classId: s.classB.id, userId: s.childB.id } });
      await db.learningRecord.delete({ where: { id: bea.id } });
    }
  });

  it("shows nothing to someone whose only membership is admin, even a notice addressed to them about a record", async () => {
    expect(s.admin.memberships.map((m) => m.role)).toEqual(["ADMIN"]);
    const notice = await db.notification.create({
      data: { userId: s.admin.id, type: "RECORD_REVIEW_REQUESTED", actorId: s.student.id, recordId },
    });
    expect((await listNotifications(s.admin)).items.map((n) => n.id)).not.toContain(notice.id);
    await expect(getRecord(s.admin, recordId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyRecords(s.admin)).items).toEqual([]);
    await db.notification.delete({ where: { id: notice.id } });
  });

  it("shows a linked goal only to those who may open its plan, and never a deleted plan's", async () => {
    const own = await createRecord(s.student, fields({ title: "Goal links" }));
    const here = await createPlan(s.student, planInput());
    const elsewhere = await createPlan(s.student, planInput());
    const gone = await createPlan(s.student, planInput());
    const draft = await createPlan(s.student, planInput());
    // The family follows a plan from its first submission on; a draft is the student's own.
    for (const { id } of [here, elsewhere, gone])
      await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "" });
    const goalOf = async (planId: string) => (await db.goal.findFirstOrThrow({ where: { planId } })).id;
    const [hereGoal, elsewhereGoal, goneGoal, draftGoal] = await Promise.all([
      goalOf(here.id),
      goalOf(elsewhere.id),
      goalOf(gone.id),
      goalOf(draft.id),
    ]);
    for (const goalId of [hereGoal, elsewhereGoal, goneGoal, draftGoal]) await linkGoal(s.student, { recordId: own.id, goalId });
    // A plan kept at school B (from before a move), and a deleted one.
    await db.plan.update({ where: { id: elsewhere.id }, data: { schoolId: s.schoolB.id } });
    await db.plan.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const goals = async (reader: Actor) => (await getRecord(reader, own.id)).goals.map((g) => g.goal.id).sort();
    expect(await goals(s.student)).toEqual([hereGoal, elsewhereGoal, draftGoal].sort());
    expect(await goals(s.guardian)).toEqual([hereGoal, elsewhereGoal].sort());
    expect(await goals(s.teacher)).toEqual([hereGoal, draftGoal].sort());
  });

  it("pages the student's list newest first, by when the learning happened", async () => {
    const student = s.childB;
    for (let i = 0; i < RECORDS_PAGE_SIZE + 3; i++) {
      const day = `2026-0${1 + (i % 9)}-${String(10 + (i % 3)).padStart(2, "0")}`;
      await createRecord(student, fields({ title: `Record ${i}`, happenedOn: day }));
    }
    const first = await listMyRecords(student);
    expect(first.items).toHaveLength(RECORDS_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await listMyRecords(student, first.next ?? undefined);
    expect(second.items).toHaveLength(3);
    expect(second.next).toBeNull();
    const days = [...first.items, ...second.items].map((i) => i.happenedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(RECORDS_PAGE_SIZE + 3);
    await expect(listMyRecords(student, "not-a-cursor")).rejects.toBeInstanceOf(InputError);
  });
});

describe("who may change", () => {
  it("refuses the guardian and the teacher (Forbidden) and everyone else (not found), changing nothing", async () => {
    const { version } = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId } });
    const attachmentId = (await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId } })).id;
    const writes = (actor: Actor) => [
      () => edit(actor, recordId, { title: "Changed" }),
      () => deleteRecord(actor, { recordId }),
      () => addAttachments(actor, { recordId, links: "https://x.example", files: [] }),
      () => removeAttachment(actor, { recordId, attachmentId }),
      () => linkStandard(actor, { recordId, standardId: s.standard.id }),
      () => unlinkStandard(actor, { recordId, standardId: s.standard.id }),
      () => requestReview(actor, { recordId }),
      () => decideSuggestion(actor, { recordId, decision: "dismiss" }),
    ];
    for (const actor of [s.guardian, s.teacher]) {
      for (const w of writes(actor)) await expect(w()).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const actor of [s.classmate, s.otherGuardian, s.teacherB, s.admin, s.districtAdmin, s.otherStudent]) {
      for (const w of writes(actor)) await expect(w()).rejects.toBeInstanceOf(NotFoundError);
    }
    const after = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId }, include: { _count: true } });
    expect([after.title, after.version, after._count.attachments, after._count.standards, after.reviewRequestedAt]).toEqual([
      "Museum visit",
      version,
      2,
      0,
      null,
    ]);
  });

  it("edits with the version lock: a stale version is a conflict", async () => {
    const { version } = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(await edit(s.student, recordId, { title: "Museum visit with my aunt", version })).toEqual({ version: version + 1 });
    await expect(edit(s.student, recordId, { title: "Old tab", version })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.learningRecord.findUniqueOrThrow({ where: { id: recordId } })).title).toBe("Museum visit with my aunt");
    expect(await db.auditEvent.count({ where: { entityId: recordId, action: "record.update" } })).toBe(1);
  });

  it("adds and removes attachments", async () => {
    expect(
      await addAttachments(s.student, { recordId, links: "https://a.example\nhttps://b.example", files: [png("second.png")] }),
    ).toEqual({
      count: 3,
    });
    const link = await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId, url: "https://a.example" } });
    await removeAttachment(s.student, { recordId, attachmentId: link.id });
    const other = await createRecord(s.classmate, fields());
    const foreign = await db.learningRecordAttachment.create({ data: { recordId: other.id, kind: "LINK", url: "https://c.example" } });
    await expect(removeAttachment(s.student, { recordId, attachmentId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.learningRecordAttachment.count({ where: { recordId } })).toBe(4);
  });
});

describe("standards, goals and review", () => {
  it("asks for review only with a linked standard, then notifies the student's teachers", async () => {
    const error = await requestReview(s.student, { recordId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors.standardId?.[0]).toContain("Link at least one standard");

    await expect(linkStandard(s.student, { recordId, standardId: s.foreignStandard.id })).rejects.toBeInstanceOf(InputError);
    expect(await linkStandard(s.student, { recordId, standardId: s.standard.id })).toEqual({ linked: true });
    expect(await linkStandard(s.student, { recordId, standardId: s.standard.id })).toEqual({ linked: false });
    await requestReview(s.student, { recordId });

    const r = await getRecord(s.student, recordId);
    expect(r.reviewRequestedAt).toBeInstanceOf(Date);
    expect(r.standards.map((x) => x.standard.id)).toEqual([s.standard.id]);
    const notified = await db.notification.findMany({ where: { recordId, type: "RECORD_REVIEW_REQUESTED" }, select: { userId: true } });
    expect(notified.map((n) => n.userId)).toEqual([s.teacher.id]);
  });

  it("writes every link and unlink to the standard's history, with who; unlinking leaves the review queue", async () => {
    expect(await unlinkStandard(s.student, { recordId, standardId: s.standard.id })).toEqual({ unlinked: true });
    expect(await unlinkStandard(s.student, { recordId, standardId: s.standard.id })).toEqual({ unlinked: false });
    const events = await db.learningRecordLinkEvent.findMany({ where: { recordId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.standardId, e.actorId, e.studentId])).toEqual([
      ["LINKED", s.standard.id, s.student.id, s.student.id],
      ["UNLINKED", s.standard.id, s.student.id, s.student.id],
    ]);
    // The review queue is (record, linked standard) pairs: none remain for this record.
    expect(await db.learningRecordStandard.count({ where: { recordId } })).toBe(0);
    expect((await getRecord(s.teacher, recordId)).linkEvents.map((e) => e.action)).toEqual(["UNLINKED", "LINKED"]);
  });

  it("links goals of the student's own plans only", async () => {
    const mine = await createPlan(s.student, planInput());
    const theirs = await createPlan(s.classmate, planInput());
    const myGoal = await db.goal.findFirstOrThrow({ where: { planId: mine.id } });
    const theirGoal = await db.goal.findFirstOrThrow({ where: { planId: theirs.id } });
    expect((await getRecord(s.student, recordId)).goalOptions.map((g) => g.id)).toContain(myGoal.id);
    expect((await getRecord(s.guardian, recordId)).goalOptions).toEqual([]);
    await expect(linkGoal(s.student, { recordId, goalId: theirGoal.id })).rejects.toBeInstanceOf(InputError);
    expect(await linkGoal(s.student, { recordId, goalId: myGoal.id })).toEqual({ linked: true });
    // The family sees the linked goal once its plan has been submitted, not while it is a draft.
    expect((await getRecord(s.guardian, recordId)).goals).toEqual([]);
    await transitionPlan(s.student, { planId: mine.id, version: 1, transition: "submit", note: "" });
    expect((await getRecord(s.guardian, recordId)).goals.map((g) => g.goal.id)).toEqual([myGoal.id]);
    expect(await unlinkGoal(s.student, { recordId, goalId: myGoal.id })).toEqual({ unlinked: true });
  });

  it("deletes an unrated record with its files, and refuses once a teacher rated it", async () => {
    const doomed = await createRecord(s.student, fields({ files: [png()] }));
    const key = (await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId: doomed.id } })).storageKey as string;
    await deleteRecord(s.student, { recordId: doomed.id });
    expect(await db.learningRecord.count({ where: { id: doomed.id } })).toBe(0);
    expect(existsSync(path.join(uploadDir(), key))).toBe(false);

    await db.recordRating.create({
      data: { recordId, standardId: s.standard.id, raterId: s.teacher.id, levelId: s.levels.PROFICIENT, feedback: "Clear drawings" },
    });
    await expect(deleteRecord(s.student, { recordId })).rejects.toThrow("can no longer be deleted");
    const shown = await getRecord(s.guardian, recordId);
    expect(shown.ratings.map((r) => [r.feedback, r.rater?.name])).toEqual([["Clear drawings", s.teacher.name]]);
  });
});

describe("once a teacher has rated a record", () => {
  it("keeps what was told, its attachments and its rated standards; adding to it stays open", async () => {
    const rated = (await createRecord(s.student, fields({ title: "Rated", files: [png()], links: "https://rated.example" }))).id;
    const other = await db.standard.create({
      data: { organizationId: s.district.id, code: `ELA.R${rated.slice(-4)}`, subject: "ELA", description: "Present claims" },
    });
    await linkStandard(s.student, { recordId: rated, standardId: s.standard.id });
    await linkStandard(s.student, { recordId: rated, standardId: other.id });
    const before = await getRecord(s.student, rated);
    expect([before.allowed.edit, before.ratedStandardIds]).toEqual([true, []]);
    await db.recordRating.create({
      data: { recordId: rated, standardId: s.standard.id, raterId: s.teacher.id, levelId: s.levels.PROFICIENT, feedback: "Good" },
    });

    const attachmentId = (await db.learningRecordAttachment.findFirstOrThrow({ where: { recordId: rated, kind: "FILE" } })).id;
    for (const refused of [
      () => edit(s.student, rated, { title: "Rewritten" }),
      () => edit(s.student, rated, { happenedOn: "2026-01-01", hours: "9" }),
      () => removeAttachment(s.student, { recordId: rated, attachmentId }),
      () => unlinkStandard(s.student, { recordId: rated, standardId: s.standard.id }),
    ]) {
      const error = await refused().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message).toBe(RATED_MESSAGE);
    }
    const kept = await db.learningRecord.findUniqueOrThrow({ where: { id: rated }, include: { _count: true } });
    expect([kept.title, kept.durationMinutes, kept.version, kept._count.attachments, kept._count.standards]).toEqual([
      "Rated",
      150,
      before.version,
      2,
      2,
    ]);

    // Adding stays open: attachments, links, more standards and goals; an unrated standard may go.
    expect(await addAttachments(s.student, { recordId: rated, links: "https://more.example", files: [png("more.png")] })).toEqual({
      count: 2,
    });
    expect(await unlinkStandard(s.student, { recordId: rated, standardId: other.id })).toEqual({ unlinked: true });
    expect(await linkStandard(s.student, { recordId: rated, standardId: other.id })).toEqual({ linked: true });
    const plan = await createPlan(s.student, planInput());
    const goal = await db.goal.findFirstOrThrow({ where: { planId: plan.id } });
    expect(await linkGoal(s.student, { recordId: rated, goalId: goal.id })).toEqual({ linked: true });

    const after = await getRecord(s.student, rated);
    expect([after.allowed.change, after.allowed.edit, after.ratedStandardIds]).toEqual([true, false, [s.standard.id]]);
  });
});

describe("suggestions from learning apps", () => {
  async function suggestion(title: string) {
    const r = await db.learningRecord.create({
      data: {
        studentId: s.student.id,
        schoolId: s.school.id,
        status: "SUGGESTED",
        title,
        description: "Completed: Fractions practice (score 90%)",
        setting: "ONLINE",
        happenedOn: new Date("2026-11-01T00:00:00Z"),
        standards: { create: { standardId: s.standard.id } },
      },
    });
    return r.id;
  }

  it("are the student's alone until accepted; accepting keeps the standard links", async () => {
    const id = await suggestion("Fractions practice");
    expect((await listSuggestions(s.student)).map((x) => x.id)).toContain(id);
    expect((await listMyRecords(s.student)).items.map((x) => x.id)).not.toContain(id);
    for (const reader of [s.guardian, s.teacher]) {
      await expect(getRecord(reader, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(decideSuggestion(reader, { recordId: id, decision: "accept" })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listStudentRecords(reader, s.student.id)).items.map((x) => x.id)).not.toContain(id);
    }
    await expect(edit(s.student, id, { title: "Changed" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await decideSuggestion(s.student, { recordId: id, decision: "accept" })).toEqual({ id, status: "RECORDED" });
    await expect(decideSuggestion(s.student, { recordId: id, decision: "dismiss" })).rejects.toBeInstanceOf(ConflictError);
    expect((await listMyRecords(s.student)).items.map((x) => x.id)).toContain(id);
    expect((await getRecord(s.guardian, id)).standards.map((x) => x.standard.id)).toEqual([s.standard.id]);
  });

  it("are decided once: accept and dismiss at the same moment, exactly one wins", async () => {
    const id = await suggestion("Two tabs");
    const results = await Promise.allSettled([
      decideSuggestion(s.student, { recordId: id, decision: "accept" }),
      decideSuggestion(s.student, { recordId: id, decision: "dismiss" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    const stored = await db.learningRecord.findUniqueOrThrow({ where: { id } });
    expect([stored.status, stored.version]).toEqual([winner, 2]);
    expect(await db.auditEvent.count({ where: { entityId: id, action: { startsWith: "record.suggestion." } } })).toBe(1);
  });

  it("dismissed, they are hidden from every list", async () => {
    const id = await suggestion("Typing game");
    await decideSuggestion(s.student, { recordId: id, decision: "dismiss" });
    expect((await db.learningRecord.findUniqueOrThrow({ where: { id } })).status).toBe("DISMISSED");
    expect((await listSuggestions(s.student)).map((x) => x.id)).not.toContain(id);
    expect((await listMyRecords(s.student)).items.map((x) => x.id)).not.toContain(id);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "record.suggestion.dismiss" } })).toBe(1);
  });
});

describe("the lists' counts", () => {
  it("count each listed record's attachments, linked standards and ratings, as a fresh count does", async () => {
    // A student of their own, in the teacher's class.
    const kid = await person(s.school, "STUDENT", "Kit Counted");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: kid.id, role: "STUDENT" } });
    const other = await db.standard.create({
      data: { organizationId: s.district.id, code: `ELA.C${Date.now().toString(36)}`, subject: "ELA", description: "Summarize" },
    });
    const make = (title: string, status: "RECORDED" | "SUGGESTED", links: number, standardIds: string[], rated: string[]) =>
      db.learningRecord.create({
        data: {
          studentId: kid.id,
          schoolId: s.school.id,
          status,
          title,
          description: "What I did.",
          setting: "HOME",
          happenedOn: new Date("2026-09-15T00:00:00Z"),
          attachments: {
            create: Array.from({ length: links }, (_, i) => ({ kind: "LINK" as const, title: `L${i}`, url: "https://example.org" })),
          },
          standards: { create: standardIds.map((standardId) => ({ standardId })) },
          ratings: { create: rated.map((standardId) => ({ standardId, levelId: s.levels.PROFICIENT, raterId: s.teacher.id })) },
        },
        select: { id: true },
      });
    const [many, none, some, suggested] = await Promise.all([
      make("Many", "RECORDED", 2, [s.standard.id, other.id], [s.standard.id, other.id]),
      make("None", "RECORDED", 0, [], []),
      make("Some", "RECORDED", 1, [s.standard.id], []),
      make("Suggested", "SUGGESTED", 0, [other.id], []),
    ]);
    const counted = (items: { id: string; attachments: number; standards: number; ratings: number }[]) =>
      Object.fromEntries(items.map((i) => [i.id, [i.attachments, i.standards, i.ratings]]));
    const expected = { [many.id]: [2, 2, 2], [none.id]: [0, 0, 0], [some.id]: [1, 1, 0] };
    expect(counted((await listMyRecords(kid)).items)).toEqual(expected);
    for (const reader of [s.teacher, kid]) {
      expect(counted((await listStudentRecords(reader, kid.id)).items)).toEqual(expected);
    }
    expect(counted(await listSuggestions(kid))).toEqual({ [suggested.id]: [0, 1, 0] });
    // Every row of another student's full page agrees with a count made afresh.
    for (const item of [...(await listMyRecords(s.student)).items, ...(await listMyRecords(s.childB)).items]) {
      const where = { recordId: item.id };
      expect([item.attachments, item.standards, item.ratings]).toEqual(
        await Promise.all([
          db.learningRecordAttachment.count({ where }),
          db.learningRecordStandard.count({ where }),
          db.recordRating.count({ where }),
        ]),
      );
    }
  });
});

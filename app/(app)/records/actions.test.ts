// The record actions are public endpoints: these replay them as a browser would, with
// tampered ids and by the wrong people, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createRecord } from "@/lib/records/commands";
import { PNG } from "@/test/files";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let recordId: string;

const fields = {
  title: "Coding club",
  description: "Built a game loop and learned about frames.",
  setting: "ONLINE",
  place: "",
  happenedOn: "2026-10-10",
  hours: "1",
  minutes: "",
  withWhom: "",
  links: "",
};

function recordForm(values: Record<string, string | File | File[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, ...values })) {
    if (Array.isArray(v)) for (const f of v) form.append(k, f);
    else form.set(k, v);
  }
  return form;
}

beforeAll(async () => {
  s = await makeSchool();
  recordId = (await createRecord(s.student, { ...fields, files: [] })).id;
});
beforeEach(() => {
  signedIn = null;
});

describe("record actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await actions.createRecordAction(recordForm({}))).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect(await actions.requestReviewAction({ recordId })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
  });

  it("record learning with a photo from a multipart form, and answer bad input with field errors", async () => {
    signedIn = s.student;
    const added = await actions.createRecordAction(recordForm({ files: [new File([PNG], "bike.png", { type: "image/png" })] }));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(await db.learningRecordAttachment.count({ where: { recordId: added.data.id, kind: "FILE" } })).toBe(1);
    const bad = await actions.createRecordAction(recordForm({ title: "", happenedOn: "2999-01-01", minutes: "75" }));
    expect(bad).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        title: ["Give the record a title."],
        happenedOn: ["The date cannot be in the future."],
        minutes: ["Enter minutes from 0 to 59."],
      },
    });
    const renamed = await actions.createRecordAction(recordForm({ files: [new File(["<html></html>"], "bike.png")] }));
    expect(renamed).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { files: [expect.stringContaining("is not a PNG image")] } });
  });

  it("answer files over 25 MB together beside the files field, and refuse to change a rated record", async () => {
    signedIn = s.student;
    const big = (name: string) => new File([new Uint8Array(9 * 1024 * 1024)], name, { type: "image/png" });
    expect(await actions.createRecordAction(recordForm({ files: [big("a.png"), big("b.png"), big("c.png")] }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { files: ["These files come to 27.0 MB together; the limit is 25 MB for one record. Add the rest after saving."] },
    });
    const rated = await createRecord(s.student, { ...fields, files: [] });
    await db.learningRecordStandard.create({ data: { recordId: rated.id, standardId: s.standard.id } });
    await db.recordRating.create({
      data: { recordId: rated.id, standardId: s.standard.id, raterId: s.teacher.id, levelId: s.levels.PROFICIENT },
    });
    const { version } = await db.learningRecord.findUniqueOrThrow({ where: { id: rated.id } });
    for (const result of [
      await actions.updateRecordAction({ recordId: rated.id, version, ...fields, title: "Rewritten" }),
      await actions.unlinkStandardAction({ recordId: rated.id, standardId: s.standard.id }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("stays as it was rated") });
    }
    expect(await actions.addAttachmentsAction(recordForm({ recordId: rated.id, links: "https://more.example" }))).toMatchObject({
      ok: true,
    });
  });

  it("answer another student's tampered record id with 'not found' and change nothing", async () => {
    signedIn = s.classmate;
    const before = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId } });
    const attachment = await db.learningRecordAttachment.create({ data: { recordId, kind: "LINK", url: "https://keep.example" } });
    const results = [
      await actions.updateRecordAction({ recordId, version: before.version, ...fields, title: "Hijacked" }),
      await actions.deleteRecordAction({ recordId }),
      await actions.addAttachmentsAction(recordForm({ recordId, links: "https://evil.example" })),
      await actions.removeAttachmentAction({ recordId, attachmentId: attachment.id }),
      await actions.linkStandardAction({ recordId, standardId: s.standard.id }),
      await actions.linkGoalAction({ recordId, goalId: "goal-of-someone" }),
      await actions.requestReviewAction({ recordId }),
      await actions.decideSuggestionAction({ recordId, decision: "dismiss" }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    const after = await db.learningRecord.findUniqueOrThrow({ where: { id: recordId }, include: { _count: true } });
    expect([after.title, after.version, after.status, after._count.attachments, after._count.standards]).toEqual([
      before.title,
      before.version,
      before.status,
      1,
      0,
    ]);
  });

  it("refuse the guardian and an admin; ask the owner for a standard before review", async () => {
    signedIn = s.guardian;
    expect(await actions.linkStandardAction({ recordId, standardId: s.standard.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.admin;
    expect(await actions.deleteRecordAction({ recordId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.student;
    expect(await actions.requestReviewAction({ recordId })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { standardId: [expect.stringContaining("Link at least one standard")] },
    });
    expect(await actions.linkStandardAction({ recordId, standardId: s.foreignStandard.id })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await actions.linkStandardAction({ recordId, standardId: s.standard.id })).toMatchObject({ ok: true });
    expect(await actions.requestReviewAction({ recordId })).toMatchObject({ ok: true });
    const stale = await actions.updateRecordAction({ recordId, version: 99, ...fields });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

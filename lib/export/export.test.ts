// The student export: an admin's archive holds every record about the student, each JSON file
// matching the database (ids per kind) and each file byte for byte; a guardian's leaves out what a
// guardian may not see; anyone else is refused, and that refusal is in the disclosure log; a
// student with hundreds of megabytes of files is streamed without memory growing with them.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addComment, replyToComment } from "@/lib/conversation/comments";
import { addReflection, replyToReflection } from "@/lib/conversation/reflections";
import { db } from "@/lib/db";
import { flushDisclosures } from "@/lib/disclosure/record";
import { uploadDir } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { readStoredFile } from "@/lib/evidence/storage";
import { createPlan } from "@/lib/plans/commands";
import { getPlan } from "@/lib/plans/queries";
import { addProfileComment } from "@/lib/profiles/commands";
import { createRecord, decideSuggestion } from "@/lib/records/commands";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { PDF, PNG } from "@/test/files";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import { activePlan } from "@/test/plans";
import { ACTIVITY, makeTool, statement, xapi, type Credentials } from "@/test/xapi";
import { findExportableStudent } from "./access";
import { startStudentExport } from "./export";
import { exportFileName } from "./paths";
import { REVISION_BATCH } from "./plans";
import { mayExport } from "./queries";
import { DOCUMENT_ENTRIES, ENTRY_OVERHEAD } from "./size";
import { ExportTooLargeError, utf8, zipChunks, type ZipLimits } from "./zip";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let draftId: string;
let agreementPlanId: string;
let acceptedRecordId: string;
let suggestedRecordId: string;
const statementIds: { mbox: string; accepted: string; suggested: string; account: string; stranger: string; foreign: string } = {
  mbox: "",
  accepted: "",
  suggested: "",
  account: "",
  stranger: "",
  foreign: "",
};
const COMPLETED = { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } };
const rosterId = `stu-${randomUUID().slice(0, 8)}`;

type Archive = Record<string, Uint8Array>;

async function* once(text: string) {
  yield text;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function exportAs(actor: Actor, studentId = s.student.id): Promise<Archive> {
  const { body } = await startStudentExport(actor, studentId);
  return unzipSync(await bytesOf(body));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the archive's JSON is checked field by field against the database
function json(archive: Archive, name: string): any {
  const file = archive[name];
  if (!file) throw new Error(`${name} is not in the archive`);
  return JSON.parse(strFromU8(file));
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  s = await makeSchool();
  const { student, teacher, guardian } = s;
  await prepareIndependentStudy(s, [student]);
  await db.user.update({ where: { id: student.id }, data: { sourcedId: rosterId, source: "oneroster" } });
  await db.studentProfileRevision.createMany({
    data: [
      { studentId: student.id, number: 1, content: { strengths: "Drawing" } },
      { studentId: student.id, number: 2, authorId: student.id, content: { strengths: "Drawing and maps" } },
    ],
  });
  await addProfileComment(teacher, { studentId: student.id, body: "Lovely maps." });

  // An active plan with a goal and an activity, evidence with files, ratings, comments and reflections.
  ({ id: planId } = await activePlan(student, teacher, [[s.standard.id]], "River study"));
  const [goal] = await db.goal.findMany({ where: { planId }, select: { id: true } });
  const goalId = goal!.id;
  await db.activity.create({ data: { goalId, description: "Measure the river", setting: "COMMUNITY", timing: "Saturdays" } });
  const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
  const base = { planId, goalId, title: "Work", text: "", url: "", reflection: "" };
  const png = await addEvidence(student, { ...base, kind: "FILE", title: "Map", file: file(PNG, "river map.png", "image/png") });
  await addEvidence(student, { ...base, kind: "FILE", title: "Report", file: file(PDF, "report.pdf", "application/pdf") });
  await addEvidence(student, { ...base, kind: "TEXT", title: "Notes", text: "What I measured." });
  await rateEvidence(teacher, { evidenceId: png.id, goalId, levelId: s.levels.PROFICIENT, feedback: "Clear." });
  const thread = await addComment(teacher, { planId, goalId, body: "Which bridge?" });
  await replyToComment(student, { planId, parentId: thread.id, body: "The old one." });
  const reflection = await addReflection(student, { planId, goalId: "", learned: "Rivers bend.", hard: "", next: "" });
  await replyToReflection(teacher, { planId, reflectionId: reflection.id, body: "They do." });

  // A draft the student never submitted: theirs alone.
  ({ id: draftId } = await createPlan(student, planInput({ title: "Secret draft" })));
  agreementPlanId = await activeAgreement(student, guardian, teacher);

  // A learning record with a photo and a link; statements from a tool, two of them suggestions.
  await createRecord(student, {
    title: "Museum visit",
    description: "Saw the river model.",
    setting: "COMMUNITY",
    place: "Science museum",
    happenedOn: "2026-10-03",
    hours: "2",
    minutes: "",
    withWhom: "My aunt",
    links: "https://museum.example/river",
    files: [file(PNG, "model.png", "image/png")],
  });
  const tool = await makeTool(s.school);
  const stored = async (by: Credentials, body: object) => ((await xapi(by, { body })).json as string[])[0]!;
  const account = { account: { homePage: "https://reading.example", name: rosterId } };
  const completed = (extra: object = {}) =>
    statement({
      actor: account,
      verb: COMPLETED,
      object: { objectType: "Activity", id: ACTIVITY, definition: { name: { "en-US": "Owl Moon" } } },
      ...extra,
    });
  statementIds.accepted = await stored(tool, completed());
  statementIds.suggested = await stored(tool, completed());
  statementIds.account = await stored(tool, statement({ actor: account }));
  statementIds.mbox = await stored(tool, statement({ actor: { mbox: `mailto:${student.email}` } }));
  statementIds.stranger = await stored(tool, statement());
  const foreignTool = await makeTool(s.otherSchool);
  statementIds.foreign = await stored(foreignTool, statement({ actor: { mbox: `mailto:${student.email}` } }));
  const accepted = await db.learningRecord.findUniqueOrThrow({ where: { statementId: statementIds.accepted } });
  acceptedRecordId = accepted.id;
  await decideSuggestion(student, { recordId: acceptedRecordId, decision: "accept" });
  suggestedRecordId = (await db.learningRecord.findUniqueOrThrow({ where: { statementId: statementIds.suggested } })).id;

  // Reads by others: the teacher opens the plan (the disclosure log), the guardian too (family: not listed to them).
  await getPlan(teacher, planId);
  await getPlan(guardian, planId);
  await flushDisclosures();
}, 120_000);

describe("who may export", () => {
  it("admins of the student's school or district and the student's guardian; the guardian's view is the family's", async () => {
    expect((await findExportableStudent(s.admin, s.student.id)).scope).toBe("district");
    expect((await findExportableStudent(s.districtAdmin, s.student.id)).scope).toBe("district");
    expect((await findExportableStudent(s.guardian, s.student.id)).scope).toBe("family");
    expect(await mayExport(s.guardian, s.student.id)).toBe(true);
    expect(await mayExport(s.otherGuardian, s.student.id)).toBe(false);
  });

  it("an admin may still export a student who left the school", async () => {
    const leaver = await db.membership.findFirstOrThrow({ where: { userId: s.classmate.id, role: "STUDENT" } });
    await db.membership.update({ where: { id: leaver.id }, data: { endedAt: new Date() } });
    try {
      expect((await findExportableStudent(s.admin, s.classmate.id)).id).toBe(s.classmate.id);
    } finally {
      await db.membership.update({ where: { id: leaver.id }, data: { endedAt: null } });
    }
  });

  it.each([
    ["another district's admin", () => s.otherAdmin],
    ["a guardian of another child", () => s.otherGuardian],
    ["the student's teacher", () => s.teacher],
    ["the student's classmate", () => s.classmate],
    [
      "an admin of the other school only",
      async () =>
        actorOf(
          (
            await db.user.create({
              data: {
                districtId: s.district.id,
                name: "Bo Admin",
                email: `bo.${randomUUID()}@test.example`,
                memberships: { create: { organizationId: s.schoolB.id, role: "ADMIN" } },
              },
            })
          ).id,
        ),
    ],
  ])("%s is refused as not found, and the refusal is logged", async (_who, actorFn) => {
    const actor = await actorFn();
    await expect(startStudentExport(actor, s.student.id)).rejects.toThrow(NotFoundError);
    await flushDisclosures();
    const refused = await db.disclosureEvent.findMany({ where: { actorId: actor.id, action: "export.download" } });
    expect(refused).toMatchObject([{ allowed: false, entityType: "User", entityId: s.student.id, studentId: s.student.id }]);
    expect(await db.auditEvent.count({ where: { actorId: actor.id, action: "student.export" } })).toBe(0);
  });

  it("an id that names nobody is not found either", async () => {
    await expect(startStudentExport(s.admin, "no-such-student")).rejects.toThrow(NotFoundError);
  });
});

describe("an admin's export", () => {
  let archive: Archive;
  let started: Date;
  beforeAll(async () => {
    started = new Date();
    archive = await exportAs(s.admin);
    await flushDisclosures();
  });

  it("is named for the student and the day, and noted in the disclosure log and the audit log", async () => {
    expect(exportFileName("Zoë O'Brien-Ng", new Date("2026-11-30T12:00:00Z"))).toBe("pathways-export-zoe-o-brien-ng-2026-11-30.zip");
    const noted = await db.disclosureEvent.findMany({
      // This student only: the refusal just before ("no-such-student") can fall in the same millisecond as `started`.
      where: { actorId: s.admin.id, action: "export.download", entityId: s.student.id, createdAt: { gte: started } },
    });
    expect(noted).toMatchObject([{ allowed: true, studentId: s.student.id, entityId: s.student.id }]);
    const audit = await db.auditEvent.findMany({ where: { actorId: s.admin.id, action: "student.export", entityId: s.student.id } });
    expect(audit).toMatchObject([{ organizationId: s.district.id, entityType: "User", detail: { scope: "district" } }]);
  });

  it("has a README describing every file", () => {
    const text = strFromU8(archive["README.txt"]!);
    for (const name of [
      "profile.json",
      "plans.json",
      "agreements.json",
      "learning-records.json",
      "xapi-statements.json",
      "notifications.json",
      "disclosure-log.json",
      "files/",
    ])
      expect(text).toContain(name);
    expect(
      Object.keys(archive)
        .filter((n) => !n.startsWith("files/"))
        .sort(),
    ).toEqual([
      "README.txt",
      "agreements.json",
      "disclosure-log.json",
      "learning-records.json",
      "notifications.json",
      "plans.json",
      "profile.json",
      "xapi-statements.json",
    ]);
  });

  it("profile.json: the student, their profile, every revision and comment", async () => {
    const p = json(archive, "profile.json");
    expect(p.student).toMatchObject({ id: s.student.id, name: s.student.name, email: s.student.email, sourcedId: rosterId });
    expect(p.student.profile.gradeLevel).toBe(7);
    expect(p.student.guardedBy.map((g: { guardian: { id: string } }) => g.guardian.id)).toEqual([s.guardian.id]);
    expect(ids(p.profileRevisions)).toEqual(ids(await db.studentProfileRevision.findMany({ where: { studentId: s.student.id } })));
    expect(ids(p.profileComments)).toEqual(ids(await db.profileComment.findMany({ where: { studentId: s.student.id } })));
    expect(p.profileComments).toHaveLength(1);
  });

  it("plans.json: every plan, the draft too, with revisions, goals, activities, evidence, ratings, comments, reflections", async () => {
    const { plans } = json(archive, "plans.json");
    const inDb = await db.plan.findMany({
      where: { studentId: s.student.id },
      include: {
        revisions: true,
        events: true,
        goals: { include: { activities: true } },
        evidence: { include: { ratings: true } },
        comments: true,
        reflections: { include: { replies: true } },
      },
    });
    expect(inDb.map((p) => p.id)).toEqual(expect.arrayContaining([planId, draftId, agreementPlanId]));
    expect(ids(plans)).toEqual(ids(inDb));
    type P = (typeof inDb)[number];
    const flat = <T extends { id: string }>(rows: P[] | typeof plans, f: (p: never) => T[]) => ids((rows as never[]).flatMap(f));
    for (const [label, f] of [
      ["revisions", (p: P) => p.revisions],
      ["events", (p: P) => p.events],
      ["goals", (p: P) => p.goals],
      ["activities", (p: P) => p.goals.flatMap((g) => g.activities)],
      ["evidence", (p: P) => p.evidence],
      ["ratings", (p: P) => p.evidence.flatMap((e) => e.ratings)],
      ["comments", (p: P) => p.comments],
      ["reflections", (p: P) => p.reflections],
      ["reflection replies", (p: P) => p.reflections.flatMap((r) => r.replies)],
    ] as const) {
      const expected = flat(inDb, f as never);
      expect(expected.length, label).toBeGreaterThan(0);
      expect(flat(plans, f as never), label).toEqual(expected);
    }
    // The stored file's name on disk never leaves Pathways.
    expect(strFromU8(archive["plans.json"]!)).not.toMatch(/storageKey/);
  });

  it("files/: each evidence file and learning-record attachment, byte for byte", async () => {
    const { plans } = json(archive, "plans.json");
    const { records } = json(archive, "learning-records.json");
    const named = [
      ...plans.flatMap((p: { evidence: { id: string; file: { archivePath: string } | null }[] }) => p.evidence.filter((e) => e.file)),
      ...records.flatMap((r: { attachments: { id: string; file: { archivePath: string } | null }[] }) =>
        r.attachments.filter((a) => a.file),
      ),
    ] as { id: string; file: { archivePath: string } }[];
    const stored = [
      ...(await db.evidence.findMany({
        where: { studentId: s.student.id, storageKey: { not: null } },
        select: { id: true, storageKey: true },
      })),
      ...(await db.learningRecordAttachment.findMany({
        where: { record: { studentId: s.student.id }, storageKey: { not: null } },
        select: { id: true, storageKey: true },
      })),
    ];
    expect(stored).toHaveLength(3);
    expect(ids(named)).toEqual(ids(stored));
    for (const row of stored) {
      const inArchive = archive[named.find((n) => n.id === row.id)!.file.archivePath];
      expect(inArchive, row.id).toBeDefined();
      expect(sha256(inArchive!)).toBe(sha256(await readStoredFile(row.storageKey!)));
    }
    expect(
      Object.keys(archive)
        .filter((n) => n.startsWith("files/"))
        .sort(),
    ).toEqual(named.map((n) => n.file.archivePath).sort());
    expect(Object.keys(archive)).toContain(`files/evidence/${named[0]!.id}/river map.png`);
    expect(sha256(archive[`files/evidence/${named[0]!.id}/river map.png`]!)).toBe(sha256(PNG));
  });

  it("agreements.json: the agreement with its revisions, signatures", async () => {
    const { agreements } = json(archive, "agreements.json");
    const inDb = await db.studyAgreement.findMany({
      where: { plan: { studentId: s.student.id } },
      include: { revisions: true, signatures: true },
    });
    expect(ids(agreements)).toEqual(ids(inDb));
    expect(ids(agreements.flatMap((a: { revisions: { id: string }[] }) => a.revisions))).toEqual(ids(inDb.flatMap((a) => a.revisions)));
    const signatures = inDb.flatMap((a) => a.signatures);
    expect(signatures).toHaveLength(3);
    expect(ids(agreements.flatMap((a: { signatures: { id: string }[] }) => a.signatures))).toEqual(ids(signatures));
  });

  it("learning-records.json: every record, suggestions too, with attachments", async () => {
    const { records } = json(archive, "learning-records.json");
    const inDb = await db.learningRecord.findMany({ where: { studentId: s.student.id }, include: { attachments: true } });
    expect(inDb.map((r) => r.id)).toEqual(expect.arrayContaining([acceptedRecordId, suggestedRecordId]));
    expect(ids(records)).toEqual(ids(inDb));
    expect(ids(records.flatMap((r: { attachments: { id: string }[] }) => r.attachments))).toEqual(ids(inDb.flatMap((r) => r.attachments)));
  });

  it("xapi-statements.json: statements naming the student in the district, by email or their tool account; no one else's", () => {
    const { statements } = json(archive, "xapi-statements.json");
    expect(ids(statements)).toEqual([statementIds.accepted, statementIds.suggested, statementIds.account, statementIds.mbox].sort());
    expect(statements[0].statement.actor).toBeDefined();
  });

  it("notifications.json and disclosure-log.json match the database", async () => {
    const { notifications } = json(archive, "notifications.json");
    const inDb = await db.notification.findMany({ where: { userId: s.student.id } });
    expect(inDb.length).toBeGreaterThan(0);
    expect(ids(notifications)).toEqual(ids(inDb));
    const { entries } = json(archive, "disclosure-log.json");
    // Everything logged about the student before this export (which is noted as it starts).
    const logged = await db.disclosureEvent.findMany({ where: { studentId: s.student.id, createdAt: { lt: started } } });
    expect(logged.length).toBeGreaterThan(0);
    expect(ids(entries)).toEqual(expect.arrayContaining(ids(logged)));
    expect(entries.every((e: { id: string; action: string }) => logged.some((l) => l.id === e.id) || e.action === "export.download")).toBe(
      true,
    );
    expect(entries.find((e: { who: { id: string } }) => e.who.id === s.teacher.id)).toMatchObject({
      action: "plan.view",
      allowed: true,
      ip: null,
    });
  });
});

describe("a guardian's export", () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await exportAs(s.guardian);
  });

  it("leaves out the draft never submitted, and the suggestion not accepted", () => {
    const plans = ids(json(archive, "plans.json").plans);
    expect(plans).toContain(planId);
    expect(plans).not.toContain(draftId);
    const records = ids(json(archive, "learning-records.json").records);
    expect(records).toContain(acceptedRecordId);
    expect(records).not.toContain(suggestedRecordId);
    expect(ids(json(archive, "xapi-statements.json").statements)).toEqual([statementIds.accepted]);
    expect(ids(json(archive, "agreements.json").agreements)).toHaveLength(1);
    expect(strFromU8(archive["README.txt"]!)).toContain("a draft the student never submitted is theirs alone");
  });

  it("shows the disclosure log as the family's page does: outsiders only, no addresses", () => {
    const { entries } = json(archive, "disclosure-log.json");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e: { who: { id: string } }) => e.who.id !== s.guardian.id && e.who.id !== s.student.id)).toBe(true);
    expect(entries.some((e: { ip?: unknown }) => "ip" in e)).toBe(false);
  });

  it("never holds the draft's title, even where the log says an admin opened it", async () => {
    await getPlan(s.admin, draftId);
    await flushDisclosures();
    const again = await exportAs(s.guardian);
    const opened = json(again, "disclosure-log.json").entries.find((e: { record: { id: string } }) => e.record.id === draftId);
    expect(opened.text).toBe(`Ada Admin opened ${s.student.name}'s plan`);
    for (const [name, bytes] of Object.entries(again)) expect(strFromU8(bytes), name).not.toContain("Secret draft");
    // The admin's copy names it.
    const { entries } = json(await exportAs(s.admin), "disclosure-log.json");
    expect(entries.find((e: { record: { id: string } }) => e.record.id === draftId).text).toContain("‘Secret draft’");
  });

  it("holds no notification about the draft", async () => {
    await db.notification.create({ data: { userId: s.student.id, type: "COMMENT_ADDED", planId: draftId } });
    const again = await exportAs(s.guardian);
    const { notifications } = json(again, "notifications.json");
    expect(notifications.some((n: { planId: string | null }) => n.planId === draftId)).toBe(false);
    expect(notifications.some((n: { planId: string | null }) => n.planId === planId)).toBe(true);
  });
});

describe("a student with many large files", () => {
  const FILES = 40;
  const SIZE = 5 * 1024 * 1024;
  const keys: string[] = [];

  it("streams them with memory far below their total", async () => {
    const bytes = randomBytes(SIZE);
    const student = s.strangerStudent;
    const plan = await db.plan.create({
      data: {
        schoolId: s.school.id,
        studentId: student.id,
        type: "PERSONALIZED",
        status: "ACTIVE",
        title: "Photos",
        startsOn: new Date("2026-09-01"),
        endsOn: new Date("2026-12-01"),
      },
    });
    for (let i = 0; i < FILES; i++) {
      const key = `${randomUUID()}.png`;
      await writeFile(path.join(uploadDir(), key), bytes);
      keys.push(key);
    }
    await db.evidence.createMany({
      data: keys.map((storageKey, i) => ({
        planId: plan.id,
        studentId: student.id,
        kind: "FILE" as const,
        title: `Photo ${i}`,
        fileName: `photo-${i}.png`,
        fileType: "image/png",
        fileSize: SIZE,
        storageKey,
      })),
    });
    try {
      const used = () => {
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      const baseline = used();
      let peak = baseline;
      let total = 0;
      const { body } = await startStudentExport(s.admin, student.id);
      const reader = body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        total += value.byteLength;
        peak = Math.max(peak, used());
        // A slow download: what is not yet read must not pile up in memory.
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      expect(total).toBeGreaterThan(FILES * SIZE);
      // 200 MB went through a slow reader; memory grew by a small fraction of it (all of it
      // piles up when the stream does not wait for the reader).
      expect(peak - baseline).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await Promise.all(keys.map((k) => rm(path.join(uploadDir(), k), { force: true })));
    }
  }, 180_000);
});

describe("a plan with a long history", () => {
  const REVISIONS = REVISION_BATCH * 2 + 7;

  it("reads its revisions in batches of their own, every one of them in order", async () => {
    const student = await person(s.school, "STUDENT", "Hana History");
    const plan = await db.plan.create({
      data: {
        schoolId: s.school.id,
        studentId: student.id,
        type: "PERSONALIZED",
        status: "ACTIVE",
        title: "Edited often",
        startsOn: new Date("2026-09-01"),
        endsOn: new Date("2026-12-01"),
      },
    });
    await db.planRevision.createMany({
      data: Array.from({ length: REVISIONS }, (_, i) => ({
        planId: plan.id,
        number: i + 1,
        kind: "EDITED" as const,
        content: { title: `Version ${i + 1}` },
        contentHash: `hash-${i + 1}`,
      })),
    });
    const plans = vi.spyOn(db.plan, "findMany");
    const revisions = vi.spyOn(db.planRevision, "findMany");
    try {
      const archive = await exportAs(s.admin, student.id);
      const [exported] = json(archive, "plans.json").plans;
      expect(exported.revisions.map((r: { number: number }) => r.number)).toEqual(Array.from({ length: REVISIONS }, (_, i) => i + 1));
      expect(exported.revisions[REVISIONS - 1].content).toEqual({ title: `Version ${REVISIONS}` });
      // The plans are read without their revisions; the revisions a batch at a time.
      expect(plans.mock.calls.every(([args]) => !("revisions" in (args?.select ?? {})))).toBe(true);
      expect(revisions.mock.calls).toHaveLength(3);
      expect(revisions.mock.calls.every(([args]) => args?.take === REVISION_BATCH)).toBe(true);
    } finally {
      plans.mockRestore();
      revisions.mockRestore();
    }
  });
});

describe("an archive too large for one ZIP file", () => {
  const small: ZipLimits = { archiveBytes: 1024 * 1024, entryBytes: 1024 * 1024, entries: 100, documentBytes: 0 };
  const attempts = () => db.auditEvent.count({ where: { actorId: s.admin.id, action: "student.export", entityId: s.student.id } });

  it("is refused up front, by its files' sizes, their number or the largest, before anything is noted", async () => {
    const before = await attempts();
    const cases: [string, ZipLimits, RegExp][] = [
      ["the whole", { ...small, archiveBytes: ENTRY_OVERHEAD * (DOCUMENT_ENTRIES + 3) }, /its files come to/],
      ["one file", { ...small, entryBytes: PNG.length - 1 }, /one of its files is/],
      ["the number of entries", { ...small, entries: DOCUMENT_ENTRIES + 2 }, /it holds 3 files/],
    ];
    for (const [what, limits, message] of cases) {
      const refused = startStudentExport(s.admin, s.student.id, new Date(), limits);
      await expect(refused, what).rejects.toBeInstanceOf(ExportTooLargeError);
      await expect(startStudentExport(s.admin, s.student.id, new Date(), limits), what).rejects.toThrow(message);
    }
    expect(await attempts()).toBe(before);
    // Within the limits, the same export goes through.
    await startStudentExport(s.admin, s.student.id, new Date(), small);
    expect(await attempts()).toBe(before + 1);
  });

  it("stops the stream rather than write a broken archive when a document outgrows the room kept for it", async () => {
    const entries = async function* () {
      yield { name: "big.json", compress: false, data: utf8(once("x".repeat(2048))) };
    };
    const chunks = zipChunks(entries(), new Date(), { ...small, entryBytes: 1024 });
    await expect(
      (async () => {
        for await (const chunk of chunks) void chunk;
      })(),
    ).rejects.toBeInstanceOf(ExportTooLargeError);
    const fine = zipChunks(entries(), new Date(), small);
    let total = 0;
    for await (const chunk of fine) total += chunk.length;
    expect(total).toBeGreaterThan(2048);
  });
});

// Deleting a student with a certificate (issue 11): everything that is theirs goes, files too
// (evidence and learning record attachments); every other student's rows and files stay row for
// row; what they wrote elsewhere stays authorless; the certificate counts what was there; the
// typed name, the admin's reach and the append-only audit log hold.
import { createHash, randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { addEvidence } from "@/lib/evidence/commands";
import { uploadDir } from "@/lib/env";
import { readStoredFile, storeFile } from "@/lib/evidence/storage";
import { createRecord } from "@/lib/records/commands";
import type { Tool } from "@/lib/xapi/auth";
import { storeStatements } from "@/lib/xapi/store";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { PDF, PNG } from "@/test/files";
import { makeSchool, person } from "@/test/fixtures";
import { activePlan, ratedEvidence } from "@/test/plans";
import { makeTool, statement } from "@/test/xapi";
import { certificatePdfFile, getCertificate, listCertificates } from "./certificates";
import { deletePerson } from "./commands";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
  await db.enrollment.create({ data: { classId: s.classA.id, userId: s.classmate.id, role: "STUDENT" } }).catch(() => undefined);
});

const recordFields = (files: File[]) => ({
  title: "Museum visit",
  description: "Saw how bridges carry loads.",
  setting: "COMMUNITY",
  place: "Science museum",
  happenedOn: "2026-10-03",
  hours: "1",
  minutes: "0",
  withWhom: "",
  links: "https://museum.example/bridges",
  files,
});

/** A student with records of every kind: plans, evidence with a file, ratings, comments, a reflection, an agreement, a learning record with a file, a profile. */
async function studentWithEverything(student: Actor) {
  await db.studentProfile.upsert({ where: { userId: student.id }, create: { userId: student.id, gradeLevel: 7 }, update: {} });
  await db.studentProfileRevision.create({ data: { studentId: student.id, number: 1, authorId: student.id, content: {} } });
  await db.profileComment.create({ data: { studentId: student.id, authorId: s.teacher.id, body: "Great interests." } });
  await db.enrollment.create({ data: { classId: s.classA.id, userId: student.id, role: "STUDENT" } }).catch(() => undefined);
  const plan = await activePlan(student, s.teacher, [[s.standard.id]], `${student.name}'s plan`);
  const goalId = plan.goalIds[0]!;
  await ratedEvidence(student, s.teacher, { planId: plan.id, goalId }, s.levels.PROFICIENT);
  await addEvidence(student, {
    planId: plan.id,
    goalId,
    kind: "FILE",
    title: "Poster",
    text: "",
    url: "",
    reflection: "",
    file: new File([PDF], "poster.pdf", { type: "application/pdf" }),
  });
  const comment = await db.comment.create({ data: { planId: plan.id, authorId: s.teacher.id, body: "Nice start." } });
  await db.comment.create({ data: { planId: plan.id, parentId: comment.id, authorId: student.id, body: "Thanks!" } });
  await db.reflection.create({ data: { planId: plan.id, authorId: student.id, learned: "I learned a lot." } });
  await db.notification.create({ data: { userId: student.id, type: "COMMENT_ADDED", planId: plan.id, commentId: comment.id } });
  const agreementPlan = await activeAgreement(student, s.guardian, s.teacher);
  const record = await createRecord(student, recordFields([new File([PNG], "bridge.png", { type: "image/png" })]));
  return { planId: plan.id, agreementPlan, recordId: record.id };
}

/** Every row that is the student's, as it is: to compare row for row after someone else's deletion. */
async function snapshot(studentId: string) {
  return Promise.all([
    db.plan.findMany({
      where: { studentId },
      orderBy: { id: "asc" },
      include: {
        goals: { orderBy: { id: "asc" } },
        revisions: { orderBy: { id: "asc" } },
        events: { orderBy: { id: "asc" } },
        comments: { orderBy: { id: "asc" } },
        reflections: { orderBy: { id: "asc" } },
        agreement: { include: { revisions: true, signatures: { orderBy: { id: "asc" } } } },
      },
    }),
    db.evidence.findMany({ where: { studentId }, orderBy: { id: "asc" }, include: { ratings: { orderBy: { id: "asc" } } } }),
    db.learningRecord.findMany({ where: { studentId }, orderBy: { id: "asc" }, include: { attachments: { orderBy: { id: "asc" } } } }),
    db.studentProfile.findUnique({ where: { userId: studentId } }),
    db.guardianLink.findMany({ where: { studentId }, orderBy: { id: "asc" } }),
    db.enrollment.findMany({ where: { userId: studentId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { userId: studentId }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: { userId: studentId }, orderBy: { id: "asc" } }),
  ]);
}

async function storedKeys(studentId: string) {
  const [evidence, attachments] = await Promise.all([
    db.evidence.findMany({ where: { studentId, storageKey: { not: null } }, select: { storageKey: true, fileSize: true } }),
    db.learningRecordAttachment.findMany({
      where: { record: { studentId }, storageKey: { not: null } },
      select: { storageKey: true, fileSize: true },
    }),
  ]);
  return [...evidence, ...attachments].map((f) => ({ key: f.storageKey!, size: f.fileSize ?? 0 }));
}

describe("deleting a student", () => {
  let leaving: Actor;
  let theirs: Awaited<ReturnType<typeof studentWithEverything>>;
  let otherBefore: Awaited<ReturnType<typeof snapshot>>;
  let otherFiles: { key: string; size: number }[];
  let authoredElsewhere: string;
  let expected: Record<string, number>;
  let files: { key: string; size: number }[];
  let auditBefore: { id: string; action: string }[];
  let certificateId: string;

  beforeAll(async () => {
    leaving = await person(s.school, "STUDENT", "Lee Leaving");
    await prepareIndependentStudy(s, [leaving, s.classmate]);
    await db.guardianLink.createMany({
      data: [leaving, s.classmate].map((c) => ({ districtId: s.district.id, guardianId: s.guardian.id, studentId: c.id })),
    });
    theirs = await studentWithEverything(leaving);
    await studentWithEverything(s.classmate);
    // What the leaving student wrote on the classmate's plan (e.g. a peer review).
    const classmatePlan = await db.plan.findFirstOrThrow({ where: { studentId: s.classmate.id }, select: { id: true } });
    authoredElsewhere = (
      await db.comment.create({ data: { planId: classmatePlan.id, authorId: leaving.id, body: "Peer feedback: great bridge." } })
    ).id;
    await db.auditEvent.create({
      data: { organizationId: s.school.id, actorId: leaving.id, action: "plan.view", entityType: "Plan", entityId: theirs.planId },
    });
    auditBefore = await db.auditEvent.findMany({
      where: { organizationId: s.school.id },
      select: { id: true, action: true },
      orderBy: { id: "asc" },
    });
    otherBefore = await snapshot(s.classmate.id);
    otherFiles = await storedKeys(s.classmate.id);
    files = await storedKeys(leaving.id);
    const onPlan = { plan: { studentId: leaving.id } };
    const [
      plans,
      goals,
      evidence,
      ratings,
      comments,
      reflections,
      agreements,
      signatures,
      records,
      attachments,
      enrollments,
      links,
      memberships,
      profile,
    ] = await Promise.all([
      db.plan.count({ where: { studentId: leaving.id } }),
      db.goal.count({ where: onPlan }),
      db.evidence.count({ where: { studentId: leaving.id } }),
      db.rating.count({ where: { evidence: { studentId: leaving.id } } }),
      db.comment.count({ where: onPlan }),
      db.reflection.count({ where: onPlan }),
      db.studyAgreement.count({ where: onPlan }),
      db.agreementSignature.count({ where: { agreement: onPlan } }),
      db.learningRecord.count({ where: { studentId: leaving.id } }),
      db.learningRecordAttachment.count({ where: { record: { studentId: leaving.id } } }),
      db.enrollment.count({ where: { userId: leaving.id } }),
      db.guardianLink.count({ where: { studentId: leaving.id } }),
      db.membership.count({ where: { userId: leaving.id } }),
      db.studentProfile.count({ where: { userId: leaving.id } }),
    ]);
    expected = {
      plans,
      goals,
      evidence,
      ratings,
      comments,
      reflections,
      agreements,
      signatures,
      learningRecords: records,
      attachments,
      enrollments,
      guardianLinks: links,
      memberships,
      profile,
    };
  });

  it("refuses a wrong typed name, a teacher, another school's admin and another district's admin, changing nothing", async () => {
    const wrong = await deletePerson(s.admin, { userId: leaving.id, confirmName: "Lee Leavin" }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InputError);
    expect((wrong as InputError).fieldErrors.confirmName?.[0]).toContain("not their full name");
    await expect(deletePerson(s.admin, { userId: leaving.id, confirmName: "" })).rejects.toThrow();
    await expect(deletePerson(s.teacher, { userId: leaving.id, confirmName: leaving.name })).rejects.toBeInstanceOf(ForbiddenError);
    const schoolBAdmin = await person(s.schoolB, "ADMIN", "Bo SchoolB Admin");
    await expect(deletePerson(schoolBAdmin, { userId: leaving.id, confirmName: leaving.name })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deletePerson(s.otherAdmin, { userId: leaving.id, confirmName: leaving.name })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { id: leaving.id } })).toBe(1);
    expect(await db.deletionCertificate.count({ where: { subjectRef: leaving.id } })).toBe(0);
  });

  it("deletes them with every record and file, and writes a certificate counting what was there", async () => {
    expect(files.length).toBe(2); // the evidence poster and the record's photo
    // Spaces and letter case aside, the name is the name.
    ({ certificateId } = await deletePerson(s.admin, { userId: leaving.id, confirmName: "  lee   LEAVING " }));

    expect(await db.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.plan.count({ where: { id: { in: [theirs.planId, theirs.agreementPlan] } } })).toBe(0);
    expect(await db.learningRecord.count({ where: { id: theirs.recordId } })).toBe(0);
    expect(await db.learningRecordAttachment.count({ where: { recordId: theirs.recordId } })).toBe(0);
    for (const f of files) await expect(readStoredFile(f.key)).rejects.toThrow();

    const certificate = await db.deletionCertificate.findUniqueOrThrow({ where: { id: certificateId } });
    expect(certificate).toMatchObject({
      districtId: s.district.id,
      subjectRef: leaving.id,
      subjectName: "Lee Leaving",
      reason: "request",
      deletedById: s.admin.id,
      deletedByName: s.admin.name,
    });
    const removed = certificate.removed as Record<string, number>;
    for (const [kind, n] of Object.entries(expected)) expect([kind, removed[kind]]).toEqual([kind, n]);
    expect(expected.plans).toBe(2);
    expect(expected.signatures).toBeGreaterThan(0);
    expect(expected.attachments).toBe(2); // the photo and the link
    expect(removed.files).toBe(2);
    expect(removed.bytes).toBe(files.reduce((n, f) => n + f.size, 0));
    expect(removed.notifications).toBeGreaterThan(0);
  });

  it("leaves the other student's rows and files untouched, row for row", async () => {
    // Only the comment the deleted student wrote changes: it is now by a former member (checked below).
    const expectedRows = structuredClone(otherBefore);
    for (const plan of expectedRows[0]) for (const c of plan.comments) if (c.authorId === leaving.id) c.authorId = null;
    expect(await snapshot(s.classmate.id)).toEqual(expectedRows);
    expect(otherFiles.length).toBe(2);
    for (const f of otherFiles) expect((await readStoredFile(f.key)).length).toBe(f.size);
  });

  it("keeps what they wrote on another student's plan, authorless", async () => {
    expect(await db.comment.findUniqueOrThrow({ where: { id: authoredElsewhere } })).toMatchObject({
      authorId: null,
      body: "Peer feedback: great bridge.",
    });
  });

  it("keeps the append-only audit log: every line stays, theirs without their name, and one more says who deleted", async () => {
    const after = await db.auditEvent.findMany({
      where: { id: { in: auditBefore.map((a) => a.id) } },
      select: { id: true, action: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(auditBefore);
    expect(await db.auditEvent.count({ where: { actorId: leaving.id } })).toBe(0);
    const line = await db.auditEvent.findFirstOrThrow({ where: { action: "user.delete", entityId: leaving.id } });
    expect(line).toMatchObject({ actorId: s.admin.id, detail: { reason: "request", certificateId } });
    expect(JSON.stringify(line.detail)).not.toContain("Lee");
  });

  it("shows the certificate to the admin who deleted and the district admin, not to another school's admin", async () => {
    expect((await getCertificate(s.admin, certificateId)).subjectName).toBe("Lee Leaving");
    expect((await getCertificate(s.districtAdmin, certificateId)).subjectName).toBe("Lee Leaving");
    const schoolBAdmin = await person(s.schoolB, "ADMIN", "Bea SchoolB Admin");
    await expect(getCertificate(schoolBAdmin, certificateId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCertificate(s.otherAdmin, certificateId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCertificate(s.teacher, certificateId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCertificates(schoolBAdmin)).items).toEqual([]);
    expect((await listCertificates(s.districtAdmin)).items.map((c) => c.id)).toContain(certificateId);
    const pdf = await certificatePdfFile(s.districtAdmin, certificateId);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");
  });
});

describe("what else is theirs, and what is not", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const attachment = (text: string) => ({
    usageType: "https://x.example/usage/notes",
    display: { "en-US": "Notes" },
    contentType: "text/plain",
    length: text.length,
    sha2: sha256(text),
  });
  const mbox = (a: { email: string }) => ({ objectType: "Agent", mbox: `mailto:${a.email}` });
  const account = (name: string) => ({ objectType: "Agent", account: { homePage: "https://sis.example", name } });
  const exists = async (file: string) => (await stat(file).catch(() => null)) !== null;

  let student: Actor;
  let tool: Tool;
  let certificateId: string;
  const ids: Record<string, string> = {};
  const fileOf = (text: string) => path.join(uploadDir(), "xapi", tool.id, sha256(text));

  beforeAll(async () => {
    student = await person(s.school, "STUDENT", "Xia Xapi");
    // A roster id with LIKE's wildcard in it; another person's id it would match as a pattern.
    await db.user.update({ where: { id: student.id }, data: { sourcedId: `R_${student.id.slice(0, 6)}` } });
    const lookalike = `R2${student.id.slice(0, 6)}`;
    const made = await makeTool(s.school, "Notes app");
    tool = await db.xapiTool.findUniqueOrThrow({
      where: { id: made.id },
      select: { id: true, key: true, name: true, schoolId: true, districtId: true },
    });
    const store = async (name: string, body: Record<string, unknown>, texts: string[] = []) => {
      const [id] = await storeStatements(tool, statement(body), {
        attachments: new Map(texts.map((t) => [sha256(t), Buffer.from(t)])),
      });
      ids[name] = id!;
    };
    await store("own", { actor: mbox(student), attachments: [attachment("Only mine.")] }, ["Only mine."]);
    await store("shared", { actor: mbox(student), attachments: [attachment("Shared notes.")] }, ["Shared notes."]);
    await store("otherShared", { actor: mbox(s.classmate), attachments: [attachment("Shared notes.")] });
    const sha1 = createHash("sha1").update(`mailto:${student.email}`).digest("hex");
    await store("aboutThemBySha1", { actor: mbox(s.teacher), object: { objectType: "Agent", mbox_sha1sum: sha1 } });
    await store("asInstructor", { actor: mbox(s.teacher), context: { instructor: mbox(student) } });
    await store("byRosterId", { actor: account(`R_${student.id.slice(0, 6)}`) });
    await store("byLookalikeId", { actor: account(lookalike) });
    // What they opened (the viewer's line holds their address), and a line about someone else's read.
    await db.disclosureEvent.createMany({
      data: [
        {
          id: randomUUID(),
          districtId: s.district.id,
          actorId: student.id,
          studentId: s.classmate.id,
          action: "plan.view",
          entityType: "Plan",
          entityId: "p1",
          allowed: true,
          ip: "10.0.0.7",
        },
        {
          id: randomUUID(),
          districtId: s.district.id,
          actorId: s.teacher.id,
          studentId: s.classmate.id,
          action: "plan.view",
          entityType: "Plan",
          entityId: "p1",
          allowed: true,
          ip: "10.0.0.8",
        },
      ],
    });
    expect(await exists(fileOf("Only mine."))).toBe(true);
    ({ certificateId } = await deletePerson(s.admin, { userId: student.id, confirmName: student.name }));
  });

  it("deletes statements naming them anywhere: by email, by the SHA-1 of it as the object, as instructor, by roster id", async () => {
    const left = new Set((await db.xapiStatement.findMany({ where: { toolId: tool.id }, select: { id: true } })).map((x) => x.id));
    for (const gone of ["own", "shared", "aboutThemBySha1", "asInstructor", "byRosterId"])
      expect([gone, left.has(ids[gone]!)]).toEqual([gone, false]);
    const certificate = await db.deletionCertificate.findUniqueOrThrow({ where: { id: certificateId } });
    expect((certificate.removed as Record<string, number>).statements).toBe(5);
  });

  it("keeps another person's statement whose roster id matches theirs as a LIKE pattern (_ is a wildcard)", async () => {
    expect(await db.xapiStatement.count({ where: { id: { in: [ids.byLookalikeId!, ids.otherShared!] } } })).toBe(2);
  });

  it("removes their statements' attachment files, except content another statement of the tool still names", async () => {
    expect(await exists(fileOf("Only mine."))).toBe(false);
    expect(await exists(fileOf("Shared notes."))).toBe(true);
  });

  it("removes the who-saw-what lines where they were the viewer, and only those", async () => {
    expect(await db.disclosureEvent.count({ where: { actorId: student.id } })).toBe(0);
    expect(await db.disclosureEvent.count({ where: { actorId: s.teacher.id, ip: "10.0.0.8" } })).toBe(1);
    const certificate = await db.deletionCertificate.findUniqueOrThrow({ where: { id: certificateId } });
    expect((certificate.removed as Record<string, number>).disclosures).toBe(1);
  });
});

describe("who may delete someone active nowhere", () => {
  it("is a school admin only if every role they ever had was in that school; otherwise a district admin", async () => {
    const wanderer = await person(s.school, "STUDENT", "Wes Wanderer");
    await db.membership.create({ data: { userId: wanderer.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "STUDENT" } });
    await db.membership.updateMany({ where: { userId: wanderer.id }, data: { endedAt: new Date() } });
    const input = { userId: wanderer.id, confirmName: wanderer.name };
    await expect(deletePerson(s.admin, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deletePerson(await person(s.schoolB, "ADMIN", "Bix SchoolB Admin"), input)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { id: wanderer.id } })).toBe(1);
    await deletePerson(s.districtAdmin, input);
    expect(await db.user.count({ where: { id: wanderer.id } })).toBe(0);

    const stayedHere = await person(s.school, "STUDENT", "Sol Stayed");
    await db.membership.updateMany({ where: { userId: stayedHere.id }, data: { endedAt: new Date() } });
    await deletePerson(s.admin, { userId: stayedHere.id, confirmName: stayedHere.name });
    expect(await db.user.count({ where: { id: stayedHere.id } })).toBe(0);
  });
});

describe("a file added while the deletion starts", () => {
  it("is waited for, counted on the certificate and removed", async () => {
    const racer = await person(s.school, "STUDENT", "Rita Racer");
    const record = await createRecord(racer, { ...recordFields([]), links: "" });
    const key = await storeFile("late.png", PNG);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let added = () => {};
    const isAdded = new Promise<void>((r) => (added = r));
    // Another request adds an attachment to their record and has not committed yet.
    const adding = db.$transaction(
      async (tx) => {
        await tx.learningRecordAttachment.create({
          data: { recordId: record.id, kind: "FILE", fileName: "late.png", fileType: "image/png", fileSize: PNG.length, storageKey: key },
        });
        added();
        await held;
      },
      { timeout: 20_000 },
    );
    await isAdded;
    const deleting = deletePerson(s.admin, { userId: racer.id, confirmName: racer.name });
    await new Promise((r) => setTimeout(r, 500));
    release();
    await adding;
    const { certificateId } = await deleting;
    const removed = (await db.deletionCertificate.findUniqueOrThrow({ where: { id: certificateId } })).removed as Record<string, number>;
    expect(removed).toMatchObject({ learningRecords: 1, attachments: 1, files: 1, bytes: PNG.length });
    await expect(readStoredFile(key)).rejects.toThrow();
  });
});

describe("the certificates list", () => {
  it("pages newest first by keyset", async () => {
    const d = await person(s.district, "ADMIN", `Pat Pager ${randomUUID().slice(0, 4)}`);
    const made = [];
    for (let i = 0; i < 30; i++) {
      made.push(
        await db.deletionCertificate.create({
          data: {
            districtId: s.district.id,
            subjectRef: `ref-${i}`,
            subjectName: `Former ${i}`,
            reason: "request",
            removed: {},
            deletedById: d.id,
            deletedByName: d.name,
            createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)),
          },
        }),
      );
    }
    const first = await listCertificates(d);
    expect(first.items.length).toBe(25);
    expect(first.next).not.toBeNull();
    const second = await listCertificates(d, { after: first.next });
    const seen = [...first.items, ...second.items].map((c) => c.subjectRef).filter((r) => r.startsWith("ref-"));
    expect(seen).toEqual(made.map((c) => c.subjectRef).reverse());
  });
});

// The disclosure log ("who saw what"): each hooked read notes who, whose record, what and whether
// it was allowed; refused reads find their student; a student's own reads are not noted; entries
// are batched into one INSERT and none is lost; admins see only their students' entries, in
// words, filtered and paged; the family sees only outsiders, and only for their own child.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getAgreement, agreementPdfFile } from "@/lib/agreements/queries";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { storeFile } from "@/lib/evidence/storage";
import { evidenceFile } from "@/lib/evidence/queries";
import { studentProgress } from "@/lib/mastery/progress";
import { deletePerson } from "@/lib/people/commands";
import { getStudent } from "@/lib/people/queries";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { getPlan } from "@/lib/plans/queries";
import { getStudentProfile } from "@/lib/profiles/queries";
import { getRecord, recordFile } from "@/lib/records/queries";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { familyAccessLog } from "./family";
import { disclosureCsv, listDisclosures, DISCLOSURE_PAGE } from "./queries";
import { disclose, flushDisclosures, FLUSH_SIZE } from "./record";
import { filtersOf } from "./schemas";

// Inside a request the entry says from where (the address the trusted proxy reported); outside one, null.
let forwardedFor: string | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (forwardedFor === null) throw new Error("headers() was called outside a request scope");
    return new Headers({ "x-forwarded-for": forwardedFor });
  },
}));

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let fileId: string;

const none = filtersOf({});
const forStudent = (name: string) => filtersOf({ student: name });

async function step(actor: Actor, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

/** The entries noted since `since` about this entity, oldest first. */
async function entriesFor(entityId: string) {
  await flushDisclosures();
  return db.disclosureEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

beforeAll(async () => {
  s = await makeSchool();
  planId = (await createPlan(s.student, planInput({ title: "Our river" }))).id;
  await step(s.student, planId, "submit");
  const storageKey = await storeFile("notes.pdf", new TextEncoder().encode("%PDF-1.4 notes"));
  fileId = (
    await db.evidence.create({
      data: {
        planId,
        studentId: s.student.id,
        addedById: s.student.id,
        kind: "FILE",
        title: "Field notes",
        fileName: "notes.pdf",
        fileType: "application/pdf",
        fileSize: 14,
        storageKey,
      },
    })
  ).id;
});

afterEach(() => vi.restoreAllMocks());

describe("hooked reads", () => {
  it("notes who opened which student's plan, student page, profile, progress and evidence file", async () => {
    await getPlan(s.teacher, planId);
    await getStudent(s.teacher, s.student.id);
    await getStudentProfile(s.teacher, s.student.id);
    await studentProgress(s.guardian, s.student.id);
    await evidenceFile(s.admin, fileId);
    await flushDisclosures();
    const rows = await db.disclosureEvent.findMany({ where: { studentId: s.student.id, allowed: true } });
    const seen = rows.map((r) => [r.actorId, r.action, r.entityId, r.districtId]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [s.teacher.id, "plan.view", planId, s.district.id],
        [s.teacher.id, "student.view", s.student.id, s.district.id],
        [s.teacher.id, "profile.view", s.student.id, s.district.id],
        [s.guardian.id, "progress.view", s.student.id, s.district.id],
        [s.admin.id, "evidence.file", fileId, s.district.id],
      ]),
    );
  });

  it("notes refused reads with the student found from the record, the error rethrown", async () => {
    await expect(getPlan(s.teacherB, planId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(evidenceFile(s.otherGuardian, fileId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudent(s.classmate, s.student.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(s.otherAdmin, planId)).rejects.toBeInstanceOf(NotFoundError);
    await flushDisclosures();
    const refused = await db.disclosureEvent.findMany({ where: { studentId: s.student.id, allowed: false } });
    expect(refused.map((r) => [r.actorId, r.action, r.districtId])).toEqual(
      expect.arrayContaining([
        [s.teacherB.id, "plan.view", s.district.id],
        [s.otherGuardian.id, "evidence.file", s.district.id],
        [s.classmate.id, "student.view", s.district.id],
        // Someone from another district probing is kept in the student's district's log.
        [s.otherAdmin.id, "plan.view", s.district.id],
      ]),
    );
  });

  it("notes learning records and their files, allowed and refused, with the student found", async () => {
    const record = await db.learningRecord.create({
      data: {
        studentId: s.student.id,
        schoolId: s.school.id,
        title: "Museum",
        description: "Saw fossils.",
        setting: "COMMUNITY",
        happenedOn: new Date("2026-10-01"),
      },
    });
    const storageKey = await storeFile("photo.pdf", new TextEncoder().encode("%PDF-1.4 photo"));
    const attachment = await db.learningRecordAttachment.create({
      data: { recordId: record.id, kind: "FILE", fileName: "photo.pdf", fileType: "application/pdf", fileSize: 14, storageKey },
    });
    await getRecord(s.guardian, record.id);
    await recordFile(s.guardian, attachment.id);
    await expect(getRecord(s.classmate, record.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordFile(s.otherGuardian, attachment.id)).rejects.toBeInstanceOf(NotFoundError);
    const views = await entriesFor(record.id);
    expect(views.map((e) => [e.actorId, e.action, e.allowed, e.studentId])).toEqual([
      [s.guardian.id, "record.view", true, s.student.id],
      [s.classmate.id, "record.view", false, s.student.id],
    ]);
    const files = await entriesFor(attachment.id);
    expect(files.map((e) => [e.actorId, e.action, e.allowed, e.studentId])).toEqual([
      [s.guardian.id, "record.file", true, s.student.id],
      [s.otherGuardian.id, "record.file", false, s.student.id],
    ]);
  });

  it("notes the agreement page and its PDF as agreement reads of the plan", async () => {
    await expect(getAgreement(s.teacherB, planId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreementPdfFile(s.teacher, planId)).rejects.toBeInstanceOf(NotFoundError);
    const rows = await entriesFor(planId);
    expect(rows.filter((r) => r.action.startsWith("agreement")).map((r) => [r.actorId, r.action, r.allowed, r.studentId])).toEqual([
      [s.teacherB.id, "agreement.view", false, s.student.id],
      [s.teacher.id, "agreement.pdf", false, s.student.id],
    ]);
  });

  it("does not note a student reading their own record, allowed or refused", async () => {
    const before = await db.disclosureEvent.count({ where: { actorId: s.student.id } });
    await getPlan(s.student, planId);
    await getStudent(s.student, s.student.id);
    await getStudentProfile(s.student, s.student.id);
    await studentProgress(s.student, s.student.id);
    await evidenceFile(s.student, fileId);
    await expect(getAgreement(s.student, planId)).rejects.toBeInstanceOf(NotFoundError);
    await flushDisclosures();
    expect(await db.disclosureEvent.count({ where: { actorId: s.student.id } })).toBe(before);
  });

  it("keeps an anonymous refused read of an existing record, and drops one that names nothing", async () => {
    disclose(null, { action: "plan.view", entityType: "Plan", entityId: planId, allowed: false });
    disclose(null, { action: "plan.view", entityType: "Plan", entityId: "no-such-plan", allowed: false });
    await flushDisclosures();
    expect(await db.disclosureEvent.count({ where: { entityId: planId, actorId: null, studentId: s.student.id } })).toBe(1);
    expect(await db.disclosureEvent.count({ where: { entityId: "no-such-plan" } })).toBe(0);
  });

  it("says from where when read inside a request", async () => {
    forwardedFor = "203.0.113.9, 198.51.100.7";
    try {
      await getStudentProfile(s.admin, s.classmate.id);
    } finally {
      forwardedFor = null;
    }
    const [row] = await entriesFor(s.classmate.id);
    expect(row).toMatchObject({ actorId: s.admin.id, action: "profile.view", ip: "198.51.100.7" });
  });

  it("is off only when DISCLOSURE_LOG=off", async () => {
    vi.stubEnv("DISCLOSURE_LOG", "off");
    await getStudent(s.teacher, s.classmate.id);
    vi.unstubAllEnvs();
    expect((await entriesFor(s.classmate.id)).filter((r) => r.actorId === s.teacher.id)).toEqual([]);
  });
});

describe("batching", () => {
  it("writes many reads with one INSERT, and loses none", async () => {
    const spy = vi.spyOn(db, "$executeRaw");
    const n = FLUSH_SIZE - 50;
    for (let i = 0; i < n; i++)
      disclose(s.teacher, { action: "student.view", entityType: "User", entityId: s.strangerStudent.id, allowed: true });
    await flushDisclosures();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await db.disclosureEvent.count({ where: { entityId: s.strangerStudent.id, actorId: s.teacher.id } })).toBe(n);
  });

  it("writes a full buffer at once, in batches of FLUSH_SIZE", async () => {
    const spy = vi.spyOn(db, "$executeRaw");
    const n = FLUSH_SIZE * 2 + 7;
    for (let i = 0; i < n; i++)
      disclose(s.admin, { action: "progress.view", entityType: "User", entityId: s.strangerStudent.id, allowed: true });
    await flushDisclosures();
    expect(spy).toHaveBeenCalledTimes(3);
    expect(await db.disclosureEvent.count({ where: { entityId: s.strangerStudent.id, actorId: s.admin.id } })).toBe(n);
  });

  it("never throws into the read when the write fails: logged instead", async () => {
    vi.spyOn(db, "$executeRaw").mockRejectedValueOnce(new Error("database away"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(getStudent(s.teacher, s.student.id)).resolves.toMatchObject({ id: s.student.id });
    await expect(flushDisclosures()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("disclosure log"), expect.any(Error));
  });
});

describe("the admin's log", () => {
  it("says each entry in words", async () => {
    const page = await listDisclosures(s.admin, forStudent("Sam Student"));
    const texts = page.items.map((e) => e.text);
    expect(texts).toContain("Tess Teacher opened Sam Student's plan ‘Our river’");
    expect(texts).toContain("Ada Admin opened Sam Student's evidence file ‘Field notes’");
    expect(texts).toContain("Ben Teacher was refused Sam Student's plan ‘Our river’");
    expect(texts).toContain("Someone not signed in was refused Sam Student's plan ‘Our river’");
    expect(texts).toContain("Someone from another district was refused Sam Student's plan ‘Our river’");
  });

  it("names a deleted person a former member", async () => {
    const leaving = await person(s.school, "TEACHER", "Lee Leaving");
    disclose(leaving, { action: "student.view", entityType: "User", entityId: s.classmate.id, allowed: true });
    await flushDisclosures();
    await deletePerson(s.admin, { userId: leaving.id, confirmName: leaving.name });
    const page = await listDisclosures(s.admin, forStudent("Cal Classmate"));
    expect(page.items.map((e) => e.text)).toContain("Former member opened Cal Classmate's student page");
  });

  it("filters by person, action, outcome and dates", async () => {
    const byPerson = await listDisclosures(s.admin, filtersOf({ student: "Sam", person: "Tess" }));
    expect(new Set(byPerson.items.map((e) => e.actorId))).toEqual(new Set([s.teacher.id]));
    const byAction = await listDisclosures(s.admin, filtersOf({ student: "Sam", action: "evidence.file" }));
    expect(byAction.items.length).toBeGreaterThan(0);
    expect(byAction.items.every((e) => e.action === "evidence.file")).toBe(true);
    const refused = await listDisclosures(s.admin, filtersOf({ student: "Sam", outcome: "refused" }));
    expect(refused.items.length).toBeGreaterThan(0);
    expect(refused.items.every((e) => !e.allowed)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listDisclosures(s.admin, filtersOf({ student: "Sam", from: today, to: today }))).items.length).toBeGreaterThan(0);
    expect((await listDisclosures(s.admin, filtersOf({ student: "Sam", to: "2020-01-01" }))).items).toEqual([]);
    // A malformed filter is no filter, not an error.
    expect(filtersOf({ action: "drop table", from: "yesterday", outcome: "maybe" })).toEqual(none);
  });

  it("pages newest first by keyset, forwards and back", async () => {
    const first = await listDisclosures(s.districtAdmin, forStudent("Stan Stranger"));
    expect(first.items).toHaveLength(DISCLOSURE_PAGE);
    expect(first.previous).toBeNull();
    const times = first.items.map((e) => e.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await listDisclosures(s.districtAdmin, forStudent("Stan Stranger"), { after: first.next });
    expect(second.items.map((e) => e.id)).not.toContain(first.items[0]!.id);
    const back = await listDisclosures(s.districtAdmin, forStudent("Stan Stranger"), { before: second.previous });
    expect(back.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
  });

  it("shows a school admin their school's students only; a district admin the district; nothing across districts", async () => {
    await getStudent(s.teacherB, s.childB.id);
    await flushDisclosures();
    const school = await listDisclosures(s.admin, filtersOf({ student: "Bea Child" }));
    expect(school.items).toEqual([]);
    const district = await listDisclosures(s.districtAdmin, filtersOf({ student: "Bea Child" }));
    expect(district.items.map((e) => e.text)).toContain("Ben Teacher opened Bea Child's student page");
    const other = await listDisclosures(s.otherAdmin, none);
    expect(other.items.filter((e) => e.studentId && [s.student.id, s.childB.id].includes(e.studentId))).toEqual([]);
  });

  it("refuses teachers, students and guardians", async () => {
    for (const actor of [s.teacher, s.student, s.guardian]) {
      await expect(listDisclosures(actor, none)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(disclosureCsv(actor, none)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("exports the filtered entries as CSV, formula-safe", async () => {
    const evil = await person(s.school, "STUDENT", "=HYPERLINK(1)");
    await getStudent(s.admin, evil.id);
    await flushDisclosures();
    let csv = "";
    for await (const chunk of await disclosureCsv(s.admin, filtersOf({ student: "HYPERLINK" }))) csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("When (UTC),Who,Student,Action,Entry,Outcome,From,Entry id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",Ada Admin,'=HYPERLINK(1),Student page,Ada Admin opened =HYPERLINK(1)'s student page,Allowed,");
  });
});

describe("the family's view", () => {
  it("shows the guardian and the student who outside the family opened the child's records", async () => {
    for (const actor of [s.guardian, s.student]) {
      const { entries } = await familyAccessLog(actor, s.student.id);
      const texts = entries.items.map((e) => e.text);
      expect(texts).toContain("Tess Teacher opened Sam Student's plan ‘Our river’");
      // Not the family's own reads, nor refused attempts, nor the address.
      expect(entries.items.some((e) => e.actorId === s.guardian.id || e.actorId === s.student.id)).toBe(false);
      expect(entries.items.every((e) => e.allowed && e.ip === null)).toBe(true);
    }
  });

  it("never gives the guardian the title of a plan they may not open, nor of its evidence; the student sees both", async () => {
    const draftId = (await createPlan(s.student, planInput({ title: "Secret draft" }))).id;
    const storageKey = await storeFile("scan.pdf", new TextEncoder().encode("%PDF-1.4 scan"));
    const scan = await db.evidence.create({
      data: {
        planId: draftId,
        studentId: s.student.id,
        kind: "FILE",
        title: "Secret scan",
        fileName: "scan.pdf",
        fileType: "application/pdf",
        fileSize: 13,
        storageKey,
      },
    });
    // The admin may open a draft never submitted; the guardian may not.
    await getPlan(s.admin, draftId);
    await evidenceFile(s.admin, scan.id);
    await flushDisclosures();
    const forGuardian = await familyAccessLog(s.guardian, s.student.id);
    const text = (entityId: string, page: typeof forGuardian) => page.entries.items.find((e) => e.entityId === entityId)?.text;
    expect(text(draftId, forGuardian)).toBe("Ada Admin opened Sam Student's plan");
    expect(text(scan.id, forGuardian)).toBe("Ada Admin opened Sam Student's evidence file");
    expect(JSON.stringify(forGuardian)).not.toMatch(/Secret/);
    // A plan the family follows keeps its title.
    expect(forGuardian.entries.items.map((e) => e.text)).toContain("Tess Teacher opened Sam Student's plan ‘Our river’");
    const forStudent = await familyAccessLog(s.student, s.student.id);
    expect(text(draftId, forStudent)).toBe("Ada Admin opened Sam Student's plan ‘Secret draft’");
    expect(text(scan.id, forStudent)).toBe("Ada Admin opened Sam Student's evidence file ‘Secret scan’");
  });

  it("is only for the student and their linked guardians", async () => {
    for (const actor of [s.teacher, s.admin, s.districtAdmin, s.otherGuardian, s.classmate, s.otherAdmin]) {
      await expect(familyAccessLog(actor, s.student.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(familyAccessLog(s.guardian, s.childB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(familyAccessLog(s.guardian, "no-such-student")).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Roster import against a real database: the dry run, apply, idempotency, deactivation and
// reactivation, guardian links, adoption of hand-made accounts, and who may import.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { current } from "@/lib/people/access";
import { createPlan } from "@/lib/plans/commands";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import { buildRoster, rosterFiles, type RosterModel } from "@/test/roster/generate";
import { check, checkAndApply, districtWithAdmin, snapshot, uniquePrefix, zipFile } from "@/test/roster/helpers";
import { applyRoster, checkRoster } from "./commands";
import { getRosterImport, listRosterImports } from "./queries";
import { ENTITIES } from "./report";
import { list, utcDays } from "./values";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const userBySourcedId = (districtId: string, sourcedId: string) => db.user.findFirstOrThrow({ where: { districtId, sourcedId } });

function expectNoChanges(counts: Awaited<ReturnType<typeof check>>["report"]["counts"]) {
  for (const e of ENTITIES) expect([e, counts[e].created, counts[e].updated, counts[e].deactivated]).toEqual([e, 0, 0, 0]);
}

describe("a roster import of a generated export", () => {
  let district: { id: string };
  let admin: Awaited<ReturnType<typeof districtWithAdmin>>["admin"];
  let model: RosterModel;
  let files: Record<string, string>;

  beforeAll(async () => {
    ({ district, admin } = await districtWithAdmin());
    model = buildRoster({ students: 60, prefix: uniquePrefix() });
    files = rosterFiles(model);
  });

  it("checks without changing anything, then applies everything in one go", async () => {
    const before = await snapshot(district.id);
    const checked = await check(admin, files);
    expect(checked.report.fileErrors).toEqual([]);
    expect(checked.report.errors).toEqual([]);
    const people = model.users.filter((u) => u.role !== "proctor").length;
    expect(checked.report.counts.people).toEqual({ created: people, updated: 0, deactivated: 0, unchanged: 0 });
    expect(checked.report.counts.enrollments.created).toBe(model.enrollments.length);
    expect(checked.report.counts.classes.created).toBe(model.classes.length);
    expect(checked.report.counts.organizations).toMatchObject({ created: 1, updated: 1 });
    expect(await snapshot(district.id)).toEqual(before);
    expect(await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).toMatchObject({
      status: "CHECKED",
      actorId: admin.id,
      appliedAt: null,
    });

    const applied = await applyRoster(admin, { importId: checked.id });
    expect(applied.report.counts).toEqual(checked.report.counts);
    expect(await db.user.count({ where: { districtId: district.id, source: "oneroster" } })).toBe(people);
    expect(await db.enrollment.count({ where: { class: { school: { districtId: district.id } } } })).toBe(model.enrollments.length);
    expect(await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).toMatchObject({
      status: "APPLIED",
      appliedAt: expect.any(Date),
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: district.id, action: "roster.apply", entityId: checked.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, detail: { counts: checked.report.counts } });
  });

  it("maps roles, grades, schools, aides and disabled accounts", async () => {
    const school = await db.organization.findFirstOrThrow({ where: { districtId: district.id, sourcedId: model.orgs[1]!.sourcedId } });
    expect(school).toMatchObject({ type: "SCHOOL", parentId: district.id, source: "oneroster", name: model.orgs[1]!.name });
    expect(await db.organization.findUniqueOrThrow({ where: { id: district.id } })).toMatchObject({ sourcedId: model.orgs[0]!.sourcedId });
    const student = model.users.find((u) => u.role === "student")!;
    const studentUser = await db.user.findFirstOrThrow({
      where: { districtId: district.id, sourcedId: student.sourcedId },
      include: { memberships: true, profile: true },
    });
    expect(studentUser).toMatchObject({ name: `${student.givenName} ${student.familyName}`, email: student.email, disabledAt: null });
    expect(studentUser.memberships).toEqual([
      expect.objectContaining({ organizationId: school.id, role: "STUDENT", source: "oneroster", endedAt: null }),
    ]);
    expect(studentUser.profile?.gradeLevel).toBe(Number(student.grades));
    const aide = model.users.find((u) => u.role === "aide")!;
    const aideUser = await userBySourcedId(district.id, aide.sourcedId!);
    expect(await db.enrollment.findMany({ where: { userId: aideUser.id }, select: { role: true } })).toEqual([
      { role: "AIDE" },
      { role: "AIDE" },
    ]);
    const districtAdmin = model.users.find((u) => u.role === "administrator" && u.orgSourcedIds === model.orgs[0]!.sourcedId)!;
    const m = await db.membership.findFirstOrThrow({ where: { user: { sourcedId: districtAdmin.sourcedId } } });
    expect(m).toMatchObject({ organizationId: district.id, role: "ADMIN" });
    const disabled = model.users.find((u) => u.enabledUser === "false")!;
    expect((await userBySourcedId(district.id, disabled.sourcedId!)).disabledAt).toEqual(expect.any(Date));
    const math = await db.course.findFirstOrThrow({
      where: { sourcedId: model.courses.find((c) => c.subjectCodes === "02052")!.sourcedId },
    });
    expect(math).toMatchObject({ subject: "MATH", gradeLevel: 6, schoolId: school.id });
    expect(await db.course.findFirstOrThrow({ where: { sourcedId: model.courses[0]!.sourcedId } })).toMatchObject({
      schoolId: district.id,
      subject: "OTHER",
    });
  });

  it("links guardians from agentSourcedIds on either row, once per pair", async () => {
    const sid = new Map(
      (await db.user.findMany({ where: { districtId: district.id }, select: { id: true, sourcedId: true } })).map((u) => [
        u.sourcedId,
        u.id,
      ]),
    );
    const wanted = new Set<string>();
    for (const u of model.users) {
      for (const a of list(u.agentSourcedIds))
        wanted.add(u.role === "student" ? `${sid.get(a)}|${sid.get(u.sourcedId!)}` : `${sid.get(u.sourcedId!)}|${sid.get(a)}`);
    }
    const links = await db.guardianLink.findMany({ where: { districtId: district.id } });
    expect(new Set(links.map((l) => `${l.guardianId}|${l.studentId}`))).toEqual(wanted);
    expect(links.every((l) => l.source === "oneroster")).toBe(true);
    // Each direction alone, and both, appear in the generated families.
    const onStudentOnly = model.users.find(
      (u) => u.role === "student" && u.agentSourcedIds && !model.users.some((g) => list(g.agentSourcedIds).includes(u.sourcedId!)),
    );
    const onGuardianOnly = model.users.find(
      (u) => u.role !== "student" && u.agentSourcedIds && !model.users.some((c) => list(c.agentSourcedIds).includes(u.sourcedId!)),
    );
    expect(onStudentOnly && onGuardianOnly).toBeTruthy();
    const parent = model.users.find((u) => u.sourcedId === list(onStudentOnly!.agentSourcedIds)[0])!;
    const link = links.find((l) => l.studentId === sid.get(onStudentOnly!.sourcedId!) && l.guardianId === sid.get(parent.sourcedId!));
    expect(link?.relationship).toBe({ parent: "Parent", guardian: "Guardian", relative: "Relative" }[parent.role!]);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await snapshot(district.id);
    const again = await checkAndApply(admin, files);
    expectNoChanges(again.report.counts);
    expect(again.report.counts.people.unchanged).toBe(model.users.length - 1);
    expect(await snapshot(district.id)).toEqual(before);
  });

  it("deactivates a dropped person and enrollment, keeps their records, and restores them when they return", async () => {
    const dropped = model.users.find((u) => u.role === "student" && u.agentSourcedIds && u.enabledUser === "true")!;
    const student = await userBySourcedId(district.id, dropped.sourcedId!);
    const { id: planId } = await createPlan(await actorOf(student.id), planInput({ title: "Kept plan" }));
    const enrollmentsOf = (userId: string) => db.enrollment.count({ where: { userId } });
    const currentOf = (userId: string) => db.enrollment.count({ where: { userId, ...current() } });
    const theirs = await enrollmentsOf(student.id);
    const links = await db.guardianLink.count({ where: { studentId: student.id } });
    const lost = model.enrollments.find((e) => e.role === "student" && e.userSourcedId !== dropped.sourcedId)!;
    const classmate = await userBySourcedId(district.id, lost.userSourcedId!);
    const classmateCurrent = await currentOf(classmate.id);

    const later = structuredClone(model);
    later.users = later.users
      .filter((u) => u.sourcedId !== dropped.sourcedId)
      .map((u) => ({
        ...u,
        agentSourcedIds: list(u.agentSourcedIds)
          .filter((a) => a !== dropped.sourcedId)
          .join(","),
      }));
    later.enrollments = later.enrollments.filter((e) => e.userSourcedId !== dropped.sourcedId && e.sourcedId !== lost.sourcedId);
    const result = await checkAndApply(admin, rosterFiles(later));
    expect(result.report.counts.people).toMatchObject({ created: 0, updated: 0, deactivated: 1 });
    expect(result.report.counts.enrollments).toMatchObject({ created: 0, updated: 0, deactivated: theirs + 1 });
    expect(result.report.counts.guardianLinks).toMatchObject({ deactivated: links });

    // They lose access; their records stay.
    expect(await loadActor(student.id, 1)).toBeNull();
    expect(await db.membership.count({ where: { userId: student.id, endedAt: null } })).toBe(0);
    expect(await db.plan.count({ where: { id: planId } })).toBe(1);
    expect(await enrollmentsOf(student.id)).toBe(theirs);
    expect(await currentOf(student.id)).toBe(0);
    const ended = await db.enrollment.findFirstOrThrow({ where: { sourcedId: lost.sourcedId } });
    expect(ended.endsOn?.toISOString().slice(0, 10)).toBe(utcDays(new Date()).yesterday);
    expect(await currentOf(classmate.id)).toBe(classmateCurrent - 1);
    expect(await db.guardianLink.count({ where: { studentId: student.id } })).toBe(0);

    // The same later export again: nothing more to end.
    expectNoChanges((await check(admin, rosterFiles(later))).report.counts);

    const back = await checkAndApply(admin, files);
    expect(back.report.counts.people).toMatchObject({ created: 0, updated: 1, deactivated: 0 });
    expect(back.report.counts.enrollments).toMatchObject({ created: 0, updated: theirs + 1, deactivated: 0 });
    expect(back.report.counts.guardianLinks).toMatchObject({ created: links, deactivated: 0 });
    expect(await loadActor(student.id, 1)).not.toBeNull();
    expect(await currentOf(student.id)).toBe(theirs);
    expect(await currentOf(classmate.id)).toBe(classmateCurrent);
  });

  it("never re-enables an account, and says so", async () => {
    const later = structuredClone(model);
    const disabled = later.users.find((u) => u.enabledUser === "false")!;
    disabled.enabledUser = "true";
    const checked = await check(admin, rosterFiles(later));
    expectNoChanges(checked.report.counts);
    expect(checked.report.notes).toContain(
      "1 person is enabled in users.csv but disabled in Pathways. A roster never re-enables an account: an administrator does, on the People page.",
    );
  });

  it("deactivates the people a delta file marks tobedeleted, and ends nothing else", async () => {
    const gone = model.users.find((u) => u.role === "teacher")!;
    const delta: Record<string, string> = {
      "manifest.csv": "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,delta\nfile.orgs,absent\n",
      "users.csv": rosterFiles({
        ...model,
        users: [{ sourcedId: gone.sourcedId!, status: "tobedeleted", dateLastModified: "2026-11-20T08:00:00Z" }],
      })["users.csv"]!,
    };
    const result = await checkAndApply(admin, delta);
    expect(result.report.counts.people).toEqual({ created: 0, updated: 0, deactivated: 1, unchanged: 0 });
    expect(result.report.counts.enrollments).toEqual({ created: 0, updated: 0, deactivated: 0, unchanged: 0 });
    const teacher = await userBySourcedId(district.id, gone.sourcedId!);
    expect(await db.membership.count({ where: { userId: teacher.id, endedAt: null } })).toBe(0);
    // The full export brings them back.
    expect((await checkAndApply(admin, files)).report.counts.people).toMatchObject({ updated: 1 });
  });

  it("refuses to apply twice", async () => {
    const checked = await check(admin, files);
    await applyRoster(admin, { importId: checked.id });
    await expect(applyRoster(admin, { importId: checked.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).status).toBe("APPLIED");
  });

  it("refuses another district's export", async () => {
    const other = rosterFiles(buildRoster({ students: 3, prefix: uniquePrefix() }));
    const checked = await check(admin, other);
    expect(checked.report.fileErrors).toEqual([
      expect.objectContaining({ file: "orgs.csv", line: 2, reason: expect.stringContaining("Import it into its own district") }),
    ]);
    expectNoChanges(checked.report.counts);
    await expect(applyRoster(admin, { importId: checked.id })).rejects.toThrow("The files have problems that stop the import");
    expect(await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).toMatchObject({ status: "FAILED" });
  });
});

describe("applying is all or nothing", () => {
  it("rolls back everything when a write fails midway, marks the import failed, and can be applied later", async () => {
    const { district, admin } = await districtWithAdmin();
    const files = rosterFiles(buildRoster({ students: 30, prefix: uniquePrefix() }));
    const checked = await check(admin, files);
    const before = await snapshot(district.id);
    // An email taken at insert time (as if someone added the person meanwhile): the guardian links, written last, fail.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION roster_test_collide() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE unique_violation USING MESSAGE = 'duplicate key value violates unique constraint "User_email_key"'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER roster_test_collide BEFORE INSERT ON "GuardianLink" FOR EACH ROW WHEN (NEW."districtId" = '${district.id}') EXECUTE FUNCTION roster_test_collide()`,
    );
    try {
      await expect(applyRoster(admin, { importId: checked.id })).rejects.toThrow(
        "an email or a roster id it needed was taken. Nothing was changed",
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_collide ON "GuardianLink"`);
    }
    expect(await snapshot(district.id)).toEqual(before);
    const failed = await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } });
    expect(failed).toMatchObject({
      status: "FAILED",
      appliedAt: null,
      report: { failure: expect.stringContaining("Nothing was changed") },
    });
    expect(await db.auditEvent.count({ where: { entityId: checked.id } })).toBe(0);

    const retried = await applyRoster(admin, { importId: checked.id });
    expect(retried.report.counts.people.created).toBeGreaterThan(0);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).status).toBe("APPLIED");
  });
});

describe("who may import, and what it may touch", () => {
  const small = () => {
    const model = buildRoster({ students: 4, prefix: uniquePrefix() });
    return { model, files: rosterFiles(model) };
  };

  it("lets only a district administrator check or apply; another district's import is not found", async () => {
    const { files } = small();
    await expect(checkRoster(s.admin, { files: [zipFile(files)] })).rejects.toThrow(
      new ForbiddenError("Only a district administrator can import the roster. Ask your district administrator to import it."),
    );
    await expect(checkRoster(s.teacher, { files: [zipFile(files)] })).rejects.toBeInstanceOf(ForbiddenError);
    const { admin } = await districtWithAdmin();
    const checked = await check(admin, files);
    await expect(applyRoster(s.admin, { importId: checked.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyRoster(s.districtAdmin, { importId: checked.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).status).toBe("CHECKED");
    // Acting as something else, even a district admin may not.
    const dual = await person(s.district, "ADMIN", "Dual Role");
    const teacherMembership = await db.membership.create({
      data: { userId: dual.id, organizationId: s.school.id, districtId: s.district.id, role: "TEACHER" },
    });
    await expect(checkRoster(await actorOf(dual.id, teacherMembership.id), { files: [zipFile(files)] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("lists only the district's own imports, newest first, to its district administrator", async () => {
    const { admin } = await districtWithAdmin();
    const { files } = small();
    const first = await check(admin, files);
    const second = await checkAndApply(admin, files);
    const listed = await listRosterImports(admin);
    expect(listed.map((i) => [i.id, i.status, i.actorName])).toEqual([
      [second.id, "APPLIED", admin.name],
      [first.id, "CHECKED", admin.name],
    ]);
    expect(listed[0]?.counts?.people.created).toBe(second.report.counts.people.created);
    expect((await getRosterImport(admin, first.id)).report.counts).toEqual(first.report.counts);
    expect((await listRosterImports(s.districtAdmin)).map((i) => i.id)).not.toContain(first.id);
    await expect(getRosterImport(s.districtAdmin, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRosterImports(s.admin)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("adopts a hand-made account with the same email, keeps its own memberships, and never touches another district", async () => {
    const { model } = small();
    const teacherRow = model.users.find((u) => u.role === "teacher")!;
    const studentRow = model.users.find((u) => u.role === "student")!;
    teacherRow.email = s.teacher.email.toUpperCase();
    studentRow.email = s.otherStudent.email;
    const otherBefore = await db.user.findUniqueOrThrow({ where: { id: s.otherStudent.id }, include: { memberships: true } });
    const result = await checkAndApply(s.districtAdmin, rosterFiles(model));
    expect(result.report.errors).toContainEqual({
      file: "users.csv",
      line: model.users.indexOf(studentRow) + 2,
      reason: `email ${s.otherStudent.email} belongs to a person in another district, who is left alone.`,
    });
    // Everything else that cannot be imported only points at that student (their enrollments and guardians).
    for (const e of result.report.errors) expect(e.reason).toMatch(new RegExp(`${studentRow.sourcedId}"|${s.otherStudent.email}`));
    expect(result.report.counts.people.updated).toBe(1);
    const adopted = await db.user.findUniqueOrThrow({ where: { id: s.teacher.id }, include: { memberships: true } });
    expect(adopted).toMatchObject({
      source: "oneroster",
      sourcedId: teacherRow.sourcedId,
      name: `${teacherRow.givenName} ${teacherRow.familyName}`,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: s.teacher.id }, omit: { passwordHash: false } })).toMatchObject({
      passwordHash: expect.any(String),
    });
    expect(adopted.memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organizationId: s.school.id, role: "TEACHER", source: null, endedAt: null }),
        expect.objectContaining({ role: "TEACHER", source: "oneroster", endedAt: null }),
      ]),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: s.otherStudent.id }, include: { memberships: true } })).toEqual(otherBefore);

    // Dropped by a later export: the roster's membership ends, the hand-made one stays.
    const later = structuredClone(model);
    later.users = later.users.filter((u) => u.sourcedId !== teacherRow.sourcedId);
    later.enrollments = later.enrollments.filter((e) => e.userSourcedId !== teacherRow.sourcedId);
    const dropped = await checkAndApply(s.districtAdmin, rosterFiles(later));
    expect(dropped.report.counts.people.deactivated).toBe(1);
    const after = await db.membership.findMany({ where: { userId: s.teacher.id } });
    expect(after.find((m) => m.source === null)?.endedAt).toBeNull();
    expect(after.find((m) => m.source === "oneroster")?.endedAt).toEqual(expect.any(Date));
    expect(await loadActor(s.teacher.id, 1)).not.toBeNull();
  });
});

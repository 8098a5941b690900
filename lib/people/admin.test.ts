// Admins managing people: who they may see and change, field messages for bad input,
// sessions ended on disabling, memberships and guardian links, and the keyset list.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { checkSession, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { actorOf, makeSchool, person } from "@/test/fixtures";
import { addMembership, createPerson, disablePerson, enablePerson, endMembership, unlinkGuardian, updatePerson } from "./admin-commands";
import { getPersonForAdmin, pickPeople, searchPeople, type PeopleFilters } from "./admin-queries";
import { createPersonSchema } from "./admin-schemas";
import { deletePerson, linkGuardian } from "./commands";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  name: "Nia New",
  email: `nia.${randomUUID().slice(0, 8)}@test.example`,
  role: "TEACHER",
  organizationId: s.school.id,
  gradeLevel: "",
  sendLink: false,
  ...overrides,
});

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).fieldErrors;
}

const audits = (entityId: string, action: string) => db.auditEvent.count({ where: { entityId, action } });

describe("who an admin may see and change", () => {
  it("a school admin cannot see, edit or disable a person of school B or of the other district; a district admin can see school B's", async () => {
    for (const outsider of [s.childB, s.teacherB, s.otherStudent]) {
      await expect(getPersonForAdmin(s.admin, outsider.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updatePerson(s.admin, { userId: outsider.id, name: "Renamed", email: outsider.email, gradeLevel: "4" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(disablePerson(s.admin, { userId: outsider.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addMembership(s.admin, { userId: outsider.id, role: "STUDENT", organizationId: s.school.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect((await getPersonForAdmin(s.districtAdmin, s.childB.id)).manageable).toBe(true);
    await expect(getPersonForAdmin(s.districtAdmin, s.otherStudent.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(disablePerson(s.districtAdmin, { userId: s.otherStudent.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPersonForAdmin(s.otherAdmin, s.student.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { id: { in: [s.childB.id, s.teacherB.id, s.otherStudent.id] }, disabledAt: { not: null } } })).toBe(
      0,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: s.childB.id } })).name).toBe("Bea Child");
  });

  it("shows someone who also belongs elsewhere, with only what is here, and lets only the district admin change their account", async () => {
    const otto = s.teacherParent; // teacher at school A, Bea's parent at school B
    const seen = await getPersonForAdmin(s.admin, otto.id);
    expect(seen.manageable).toBe(false);
    expect(seen.memberships.map((m) => m.role)).toEqual(["TEACHER"]);
    expect(seen.children).toEqual([]);
    await expect(updatePerson(s.admin, { userId: otto.id, name: "Otto X", email: otto.email, gradeLevel: "" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(disablePerson(s.admin, { userId: otto.id })).rejects.toBeInstanceOf(NotFoundError);
    const byDistrict = await getPersonForAdmin(s.districtAdmin, otto.id);
    expect(byDistrict.manageable).toBe(true);
    expect(byDistrict.children.map((c) => c.id)).toEqual([s.childB.id]);
  });

  it("offers to delete only whom the admin may delete: not a student who also left another school", async () => {
    const leaver = await person(s.school, "STUDENT", "Lee Leaver");
    await db.membership.create({
      data: { userId: leaver.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "STUDENT", endedAt: new Date() },
    });
    await db.membership.updateMany({ where: { userId: leaver.id }, data: { endedAt: new Date() } });
    const bySchool = await getPersonForAdmin(s.admin, leaver.id);
    // Active nowhere, so the school admin may still edit the account; their records are school B's too.
    expect(bySchool).toMatchObject({ manageable: true, deletable: false });
    await expect(deletePerson(s.admin, { userId: leaver.id, confirmName: "Lee Leaver" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getPersonForAdmin(s.districtAdmin, leaver.id)).toMatchObject({ manageable: true, deletable: true });
    // Someone only ever here: the school admin may delete them.
    expect(await getPersonForAdmin(s.admin, s.classmate.id)).toMatchObject({ manageable: true, deletable: true });
  });

  it("is closed to teachers, students and guardians", async () => {
    for (const actor of [s.teacher, s.student, s.guardian]) {
      await expect(searchPeople(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPersonForAdmin(actor, s.classmate.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createPerson(actor, newPerson())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(disablePerson(actor, { userId: s.classmate.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(pickPeople(actor, { q: "Sam", role: "STUDENT" })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("creating and editing people", () => {
  it("creates a student with a school membership and a grade, email stored lower-case, audited", async () => {
    const email = `Ava.${randomUUID().slice(0, 6)}@Test.Example`;
    const { id } = await createPerson(s.admin, newPerson({ name: "Ava Added", email, role: "STUDENT", gradeLevel: "0" }));
    const user = await db.user.findUniqueOrThrow({ where: { id }, include: { memberships: true, profile: true } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.districtId).toBe(s.district.id);
    expect(user.memberships.map((m) => [m.role, m.organizationId, m.source])).toEqual([["STUDENT", s.school.id, null]]);
    expect(user.profile?.gradeLevel).toBe(0);
    expect(await audits(id, "user.create")).toBe(1);
    expect(createPersonSchema.safeParse(newPerson({ role: "STUDENT", gradeLevel: "" })).error?.issues[0]?.path).toEqual(["gradeLevel"]);
  });

  it("answers a duplicate email, in any case, with a field message and creates nothing", async () => {
    const before = await db.user.count();
    expect(await fieldErrorsOf(createPerson(s.admin, newPerson({ email: s.teacher.email.toUpperCase() })))).toEqual({
      email: [expect.stringContaining("already has this email")],
    });
    // The district admin, and another district's admin, get the same answer: emails are unique everywhere.
    expect(
      (await fieldErrorsOf(createPerson(s.otherAdmin, newPerson({ email: s.teacher.email, organizationId: s.otherSchool.id })))).email,
    ).toHaveLength(1);
    expect(await db.user.count()).toBe(before);
    expect(
      await fieldErrorsOf(
        updatePerson(s.admin, {
          userId: s.classmate.id,
          name: "Cal Classmate",
          email: ` ${s.student.email.toUpperCase()} `,
          gradeLevel: "7",
        }),
      ),
    ).toEqual({ email: [expect.stringContaining("already has this email")] });
  });

  it("creates only at a school the admin runs, and people other than admins only at a school", async () => {
    expect(await fieldErrorsOf(createPerson(s.admin, newPerson({ organizationId: s.schoolB.id })))).toHaveProperty("organizationId");
    expect(await fieldErrorsOf(createPerson(s.admin, newPerson({ organizationId: s.otherSchool.id })))).toHaveProperty("organizationId");
    expect(await fieldErrorsOf(createPerson(s.districtAdmin, newPerson({ organizationId: s.district.id })))).toHaveProperty(
      "organizationId",
    );
    const { id } = await createPerson(s.districtAdmin, newPerson({ role: "TEACHER", organizationId: s.schoolB.id }));
    expect((await getPersonForAdmin(s.districtAdmin, id)).memberships[0]?.organization.id).toBe(s.schoolB.id);
    await expect(getPersonForAdmin(s.admin, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("edits a student's name, email and grade, audited with what changed", async () => {
    const kid = await person(s.school, "STUDENT", "Kid Edit");
    await db.studentProfile.create({ data: { userId: kid.id, gradeLevel: 6 } });
    const email = `kid.${randomUUID().slice(0, 6)}@test.example`;
    expect(await fieldErrorsOf(updatePerson(s.admin, { userId: kid.id, name: "Kid Edited", email, gradeLevel: "" }))).toHaveProperty(
      "gradeLevel",
    );
    await updatePerson(s.admin, { userId: kid.id, name: "Kid Edited", email: email.toUpperCase(), gradeLevel: "7" });
    const after = await db.user.findUniqueOrThrow({ where: { id: kid.id }, include: { profile: true } });
    expect([after.name, after.email, after.profile?.gradeLevel]).toEqual(["Kid Edited", email, 7]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: kid.id, action: "user.update" } });
    expect(audit).toMatchObject({ organizationId: s.school.id, actorId: s.admin.id, detail: { changed: ["name", "email", "gradeLevel"] } });
  });
});

describe("disabling", () => {
  it("ends every session at once; re-enabling lets a new sign-in work; both audited", async () => {
    const p = await person(s.school, "TEACHER", "Dana Disabled");
    const claims = await startSession(p.id, "password");
    expect(await checkSession(claims)).toBe(true);

    await disablePerson(s.admin, { userId: p.id });
    expect(await checkSession(claims)).toBe(false);
    expect(await db.session.findMany({ where: { userId: p.id }, select: { endReason: true } })).toEqual([{ endReason: "disabled" }]);
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: p.id } });
    expect(await loadActor(p.id, sessionVersion)).toBeNull();
    expect((await getPersonForAdmin(s.admin, p.id)).disabled).toBe(true);
    expect((await searchPeople(s.admin, { status: "disabled" })).items.map((x) => x.id)).toContain(p.id);

    await enablePerson(s.admin, { userId: p.id });
    expect(await checkSession(claims)).toBe(false);
    const fresh = await startSession(p.id, "password");
    expect(await checkSession(fresh)).toBe(true);
    expect(await loadActor(p.id, fresh.sv)).not.toBeNull();
    expect([await audits(p.id, "user.disable"), await audits(p.id, "user.enable")]).toEqual([1, 1]);
  });

  it("an admin cannot disable themselves", async () => {
    await expect(disablePerson(s.admin, { userId: s.admin.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.admin.id } })).disabledAt).toBeNull();
  });
});

describe("memberships", () => {
  it("adds a role at a school the admin runs and refuses one elsewhere or twice", async () => {
    const p = await person(s.school, "GUARDIAN", "Gail Helper");
    expect(await fieldErrorsOf(addMembership(s.admin, { userId: p.id, role: "TEACHER", organizationId: s.schoolB.id }))).toHaveProperty(
      "organizationId",
    );
    const { id } = await addMembership(s.admin, { userId: p.id, role: "TEACHER", organizationId: s.school.id });
    expect(await fieldErrorsOf(addMembership(s.admin, { userId: p.id, role: "TEACHER", organizationId: s.school.id }))).toHaveProperty(
      "role",
    );
    expect(await audits(id, "membership.create")).toBe(1);
    expect((await actorOf(p.id)).memberships.map((m) => m.role).sort()).toEqual(["GUARDIAN", "TEACHER"]);
  });

  it("ends a membership and the person's classes there, keeping both rows; the person stays findable as a former member", async () => {
    const p = await person(s.school, "STUDENT", "Flo Former");
    const enrollment = await db.enrollment.create({ data: { classId: s.classA.id, userId: p.id, role: "STUDENT" } });
    const m = await db.membership.findFirstOrThrow({ where: { userId: p.id } });
    expect(await endMembership(s.admin, { membershipId: m.id })).toEqual({ id: m.id, personVisible: true });
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).endedAt).not.toBeNull();
    const ended = await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(ended.endsOn?.getTime()).toBeLessThan(new Date().setUTCHours(0, 0, 0, 0));
    expect((await searchPeople(s.admin, { q: "Flo Former" })).items).toEqual([]);
    expect((await searchPeople(s.admin, { q: "Flo Former", status: "former" })).items.map((x) => x.id)).toEqual([p.id]);
    // Added back: the same row starts again.
    await addMembership(s.admin, { userId: p.id, role: "STUDENT", organizationId: s.school.id });
    expect(await db.membership.count({ where: { userId: p.id } })).toBe(1);
    expect(await audits(m.id, "membership.restart")).toBe(1);
    expect(await audits(m.id, "membership.end")).toBe(1);
  });

  it("cannot end a membership elsewhere, nor the admin's own admin membership", async () => {
    const ottoAtB = await db.membership.findFirstOrThrow({ where: { userId: s.teacherParent.id, organizationId: s.schoolB.id } });
    await expect(endMembership(s.admin, { membershipId: ottoAtB.id })).rejects.toBeInstanceOf(NotFoundError);
    const own = s.admin.memberships[0]?.id ?? "";
    await expect(endMembership(s.admin, { membershipId: own })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.membership.count({ where: { id: { in: [ottoAtB.id, own] }, endedAt: null } })).toBe(2);
  });

  it("says when the person is out of sight after their membership here ends", async () => {
    const both = await person(s.school, "TEACHER", "Two Places");
    await db.membership.create({ data: { userId: both.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "TEACHER" } });
    const here = await db.membership.findFirstOrThrow({ where: { userId: both.id, organizationId: s.school.id } });
    expect((await endMembership(s.admin, { membershipId: here.id })).personVisible).toBe(false);
    await expect(getPersonForAdmin(s.admin, both.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("guardian links", () => {
  it("links and unlinks, audited; the parent's access goes with the link", async () => {
    const aunt = await person(s.school, "GUARDIAN", "Aunt Ines");
    await linkGuardian(s.admin, { guardianId: aunt.id, studentId: s.classmate.id, relationship: "Aunt" });
    const page = await getPersonForAdmin(s.admin, s.classmate.id);
    expect(page.guardians.map((g) => [g.name, g.relationship, g.here])).toContainEqual(["Aunt Ines", "Aunt", true]);
    expect((await getPersonForAdmin(s.admin, aunt.id)).children.map((c) => c.id)).toEqual([s.classmate.id]);
    const { id } = await unlinkGuardian(s.admin, { guardianId: aunt.id, studentId: s.classmate.id });
    expect(await db.guardianLink.count({ where: { guardianId: aunt.id } })).toBe(0);
    expect(await audits(id, "guardian_link.delete")).toBe(1);
    await expect(unlinkGuardian(s.admin, { guardianId: aunt.id, studentId: s.classmate.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a school admin cannot unlink a child of another school", async () => {
    await expect(unlinkGuardian(s.admin, { guardianId: s.teacherParent.id, studentId: s.childB.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlinkGuardian(s.otherAdmin, { guardianId: s.guardian.id, studentId: s.student.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.guardianLink.count({ where: { guardianId: s.teacherParent.id, studentId: s.childB.id } })).toBe(1);
  });

  it("picks people by role and school for the search box, and nothing outside", async () => {
    const found = await pickPeople(s.admin, { q: "guardian", role: "GUARDIAN" });
    expect(found.map((p) => p.name).sort()).toEqual(["Gina Guardian", "Gus Guardian"]);
    expect(await pickPeople(s.admin, { q: "Bea", role: "STUDENT" })).toEqual([]);
    expect(await pickPeople(s.admin, { q: "Sam", role: "STUDENT", organizationId: s.schoolB.id })).toEqual([]);
    expect((await pickPeople(s.districtAdmin, { q: "Bea", role: "STUDENT", organizationId: s.schoolB.id })).map((p) => p.id)).toEqual([
      s.childB.id,
    ]);
  });
});

describe("the people list", () => {
  let marker: string;
  let made: { id: string; name: string }[];
  beforeAll(async () => {
    marker = `Zq${randomUUID().slice(0, 4)}`;
    // Same names in different cases, and names equal but for the id: the keyset must still
    // visit each person once.
    const names = Array.from({ length: 37 }, (_, i) =>
      i % 5 === 0 ? `Pat ${marker}` : i % 7 === 0 ? `pat ${marker}` : `${String.fromCharCode(65 + (i % 26))}${i} ${marker}`,
    );
    made = [];
    for (const [i, name] of names.entries()) {
      const org = i % 4 === 0 ? s.schoolB : s.school;
      made.push(await person(org, i % 3 === 0 ? "TEACHER" : "STUDENT", name));
    }
  });

  async function walk(actor: typeof s.admin, filters: PeopleFilters, size: number) {
    const pages: string[][] = [];
    let after: string | null = null;
    let last = null as Awaited<ReturnType<typeof searchPeople>> | null;
    do {
      last = await searchPeople(actor, { ...filters, after }, size);
      pages.push(last.items.map((p) => p.id));
      after = last.next;
      expect(pages.length).toBeLessThan(100);
    } while (after);
    // And back again from the last page, page by page.
    const back: string[][] = [last.items.map((p) => p.id)];
    let before = last.previous;
    while (before) {
      const page = await searchPeople(actor, { ...filters, before }, size);
      back.unshift(page.items.map((p) => p.id));
      before = page.previous;
    }
    expect(back).toEqual(pages);
    return pages.flat();
  }

  it("returns every matching person exactly once across pages, forwards and back, for any page size", async () => {
    const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
    const atA = made.filter((_, i) => i % 4 !== 0);
    for (const size of [1, 3, 5, 20]) {
      const visited = await walk(s.admin, { q: marker.toLowerCase() }, size);
      expect(visited.slice().sort()).toEqual(ids(atA));
      expect(new Set(visited).size).toBe(visited.length);
      const districtWide = await walk(s.districtAdmin, { q: `  ${marker.toUpperCase()} ` }, size);
      expect(districtWide.slice().sort()).toEqual(ids(made));
    }
    const teachers = await walk(s.admin, { q: `pat ${marker}`, role: "TEACHER" }, 2);
    expect(teachers.sort()).toEqual(
      ids(made.filter((p, i) => i % 4 !== 0 && i % 3 === 0 && p.name.toLowerCase() === `pat ${marker}`.toLowerCase())),
    );
    const bySchool = await walk(s.districtAdmin, { q: marker, organizationId: s.schoolB.id }, 4);
    expect(bySchool.sort()).toEqual(ids(made.filter((_, i) => i % 4 === 0)));
  });

  it("searches email too, and takes % and _ literally", async () => {
    const page = await searchPeople(s.districtAdmin, { q: marker }, 50);
    const names = page.items.map((p) => p.name);
    const byEmail = await searchPeople(s.admin, { q: s.student.email.toUpperCase() });
    expect(byEmail.items.map((p) => p.id)).toEqual([s.student.id]);
    expect(names.length).toBe(37);
    expect((await searchPeople(s.admin, { q: "%" })).items).toEqual([]);
    expect((await searchPeople(s.admin, { q: "_" })).items).toEqual([]);
    // A cursor that is not ours is the first page.
    expect((await searchPeople(s.admin, { q: marker, after: "garbage" }, 3)).previous).toBeNull();
  });

  it("lists a school admin's school only, with disabled people marked", async () => {
    const everyone = await walk(s.admin, {}, 20);
    expect(everyone).toContain(s.student.id);
    expect(everyone).not.toContain(s.childB.id);
    expect(everyone).not.toContain(s.otherStudent.id);
  });
});

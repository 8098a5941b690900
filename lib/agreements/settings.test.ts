// The independent study settings: who reads and changes the board's policies, the school year
// and the closures of which organization, and the checks that need the database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, failureOf, ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { studySettings, studyCalendar } from "./settings";
import { addClosure, removeClosure, removeStudyPolicy, setSchoolYear, setStudyPolicy, followDistrictSchoolYear } from "./settings-commands";

let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});

const policyInput = (organizationId: string, extra: object = {}) => ({
  organizationId,
  maxDaysToDue: [5, 5, 5, 5, 10, 10, 10, 10, 10, 15, 15, 15, 15],
  missedAssignmentsLimit: 3,
  satisfactoryProgress: "Completes 80% of assignments on time.",
  requiredSubjects: ["MATH", "ELA"],
  ...extra,
});
const EMPTY = { startsOn: "", endsOn: "" };
const YEAR = { startsOn: "2026-08-17", endsOn: "2027-06-10" };

/** The field errors a failed command would show next to the form's fields. */
async function fieldErrorsOf(run: Promise<unknown>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  return failureOf(error)?.fieldErrors;
}

const audits = (entityId: string) =>
  db.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: "asc" }, select: { action: true } });

describe("reading the settings", () => {
  it("shows a district admin the district and every school, a school admin the district read-only and their school", async () => {
    const all = await studySettings(s.districtAdmin);
    expect(all.district).toMatchObject({ id: s.district.id, editable: true, policy: null, year: null, closureCount: 0 });
    expect(all.schools.map((x) => x.id).sort()).toEqual([s.school.id, s.schoolB.id].sort());

    const own = await studySettings(s.admin);
    expect(own.district).toMatchObject({ id: s.district.id, editable: false });
    expect(own.schools.map((x) => x.id)).toEqual([s.school.id]);
    expect(own.schools[0]?.editable).toBe(true);

    const other = await studySettings(s.otherAdmin);
    expect([other.district.id, ...other.schools.map((x) => x.id)]).not.toContain(s.school.id);
  });

  it("refuses a teacher, a student and a guardian", async () => {
    for (const actor of [s.teacher, s.student, s.guardian]) {
      await expect(studySettings(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(studyCalendar(actor, s.school.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("opens a calendar only inside what the admin sees", async () => {
    expect(await studyCalendar(s.admin, s.district.id)).toMatchObject({ editable: false, organization: { type: "DISTRICT" } });
    expect(await studyCalendar(s.admin, s.school.id)).toMatchObject({ editable: true, organization: { type: "SCHOOL" } });
    await expect(studyCalendar(s.admin, s.schoolB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(studyCalendar(s.admin, s.otherSchool.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(studyCalendar(s.districtAdmin, s.other.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the board's policies", () => {
  it("lets a district admin set the district's and a school admin their school's own, versioned and audited", async () => {
    const district = await setStudyPolicy(
      s.districtAdmin,
      policyInput(s.district.id, { requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"] }),
    );
    expect(district.version).toBe(1);
    const created = await setStudyPolicy(s.admin, policyInput(s.school.id));
    expect(created.version).toBe(1);
    const stored = await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.school.id } });
    expect(stored).toMatchObject({
      maxDaysToDue: { K: 5, "3": 5, "4": 10, "8": 10, "9": 15, "12": 15 },
      missedAssignmentsLimit: 3,
      requiredSubjects: ["ELA", "MATH"],
      updatedById: s.admin.id,
    });
    const updated = await setStudyPolicy(s.admin, policyInput(s.school.id, { missedAssignmentsLimit: 4, version: 1 }));
    expect(updated).toEqual({ id: created.id, version: 2 });
    expect(await audits(created.id)).toEqual([{ action: "study-policy.create" }, { action: "study-policy.update" }]);

    const view = await studySettings(s.admin);
    expect(view.schools[0]?.policy).toMatchObject({ version: 2, missedAssignmentsLimit: 4, updatedBy: s.admin.name });
    expect(view.district.policy).toMatchObject({ version: 1, requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"] });
  });

  it("refuses a stale version, and a form that thought there was no policy yet", async () => {
    await expect(setStudyPolicy(s.admin, policyInput(s.school.id, { version: 1 }))).rejects.toBeInstanceOf(ConflictError);
    await expect(setStudyPolicy(s.admin, policyInput(s.school.id))).rejects.toBeInstanceOf(ConflictError);
    expect(await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.school.id } })).toMatchObject({ version: 2 });
  });

  it("keeps each admin to what they manage", async () => {
    await expect(setStudyPolicy(s.admin, policyInput(s.schoolB.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setStudyPolicy(s.admin, policyInput(s.otherSchool.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setStudyPolicy(s.otherAdmin, policyInput(s.school.id, { version: 2 }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setStudyPolicy(s.admin, policyInput(s.district.id, { version: 1 }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setStudyPolicy(s.teacher, policyInput(s.school.id, { version: 2 }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.studyPolicy.count({ where: { organizationId: { in: [s.schoolB.id, s.otherSchool.id] } } })).toBe(0);
    expect(await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.district.id } })).toMatchObject({ version: 1 });
  });

  it("answers a bad number with the grade's field", async () => {
    const days = [5, 5, 5, 0, 10, 10, 10, 10, 10, 15, 15, 15, 15];
    expect(await fieldErrorsOf(setStudyPolicy(s.admin, policyInput(s.school.id, { maxDaysToDue: days, version: 2 })))).toEqual({
      "maxDaysToDue.3": ["At least 1 school day."],
    });
  });

  it("removes a school's own policies so the district's apply, never the district's", async () => {
    const own = await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.school.id } });
    const district = await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.district.id } });
    await expect(removeStudyPolicy(s.otherAdmin, { policyId: own.id, version: own.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeStudyPolicy(s.teacher, { policyId: own.id, version: own.version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeStudyPolicy(s.admin, { policyId: district.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeStudyPolicy(s.districtAdmin, { policyId: district.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeStudyPolicy(s.admin, { policyId: own.id, version: own.version - 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await removeStudyPolicy(s.admin, { policyId: own.id, version: own.version })).toEqual({ organizationId: s.school.id });
    expect(await db.studyPolicy.count({ where: { organizationId: s.school.id } })).toBe(0);
    expect(await audits(own.id)).toContainEqual({ action: "study-policy.remove" });
  });
});

describe("the school year", () => {
  it("refuses an end before the start with a message next to the end date", async () => {
    const backwards = { organizationId: s.district.id, startsOn: "2027-06-10", endsOn: "2026-08-17", loaded: EMPTY };
    expect(await fieldErrorsOf(setSchoolYear(s.districtAdmin, backwards))).toEqual({
      endsOn: ["The school year must end after it starts."],
    });
    const typo = { organizationId: s.district.id, startsOn: "2026-08-17", endsOn: "2062-06-10", loaded: EMPTY };
    expect(await fieldErrorsOf(setSchoolYear(s.districtAdmin, typo))).toEqual({ endsOn: [expect.stringContaining("at most 400 days")] });
  });

  it("sets the district's year and a school's own, and a school falls back to the district's", async () => {
    expect(await setSchoolYear(s.districtAdmin, { organizationId: s.district.id, ...YEAR, loaded: EMPTY })).toEqual(YEAR);
    const own = { startsOn: "2026-08-24", endsOn: "2027-06-11" };
    await setSchoolYear(s.admin, { organizationId: s.school.id, ...own, loaded: EMPTY });
    const calendar = await studyCalendar(s.admin, s.school.id);
    expect(calendar).toMatchObject({ year: own, districtYear: YEAR });
    await followDistrictSchoolYear(s.admin, { organizationId: s.school.id, loaded: own });
    expect(await studyCalendar(s.admin, s.school.id)).toMatchObject({ year: null, districtYear: YEAR });
    expect(await audits(s.school.id)).toEqual([{ action: "school-year.set" }, { action: "school-year.remove" }]);
  });

  it("refuses dates changed by someone else since the form opened", async () => {
    const stale = { organizationId: s.district.id, startsOn: "2026-08-18", endsOn: "2027-06-10", loaded: EMPTY };
    await expect(setSchoolYear(s.districtAdmin, stale)).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps each admin to what they manage; the district's year is never removed", async () => {
    const input = (organizationId: string) => ({ organizationId, ...YEAR, loaded: EMPTY });
    await expect(setSchoolYear(s.admin, input(s.schoolB.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSchoolYear(s.admin, input(s.otherSchool.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSchoolYear(s.admin, { ...input(s.district.id), loaded: YEAR })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setSchoolYear(s.teacher, input(s.school.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(followDistrictSchoolYear(s.districtAdmin, { organizationId: s.district.id, loaded: YEAR })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(followDistrictSchoolYear(s.otherAdmin, { organizationId: s.school.id, loaded: EMPTY })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [b, other] = await Promise.all(
      [s.schoolB.id, s.otherSchool.id].map((id) => db.organization.findUniqueOrThrow({ where: { id } })),
    );
    expect([b?.schoolYearStartsOn, other?.schoolYearStartsOn]).toEqual([null, null]);
  });
});

describe("closures", () => {
  const closure = (organizationId: string, day: string, name = "Thanksgiving") => ({ organizationId, day, name });
  let districtClosureId: string;
  let schoolClosureId: string;

  it("asks for the school year first", async () => {
    expect(await fieldErrorsOf(addClosure(s.otherAdmin, closure(s.otherSchool.id, "2026-11-26")))).toEqual({
      day: ["Set the school year first: a closure is a day within it."],
    });
  });

  it("adds weekdays within the school year; the district's apply at every school", async () => {
    const added = await addClosure(s.districtAdmin, closure(s.district.id, "2026-11-26"));
    districtClosureId = added.id;
    expect(added).toMatchObject({ day: "2026-11-26", name: "Thanksgiving" });
    schoolClosureId = (await addClosure(s.admin, closure(s.school.id, "2026-11-27", "Day after Thanksgiving"))).id;
    const calendar = await studyCalendar(s.admin, s.school.id);
    expect(calendar.closures).toEqual([{ id: schoolClosureId, day: "2026-11-27", name: "Day after Thanksgiving" }]);
    expect(calendar.districtClosures).toEqual([{ id: districtClosureId, day: "2026-11-26", name: "Thanksgiving" }]);
    expect((await studySettings(s.districtAdmin)).district.closureCount).toBe(1);
    expect(await audits(schoolClosureId)).toEqual([{ action: "school-closure.create" }]);
  });

  it("answers a duplicate, a weekend or a day outside the year next to the date", async () => {
    const dayError = (actor: typeof s.admin, input: ReturnType<typeof closure>) => fieldErrorsOf(addClosure(actor, input));
    expect(await dayError(s.admin, closure(s.school.id, "2026-11-27"))).toEqual({
      day: ["There is already a closure that day: Day after Thanksgiving."],
    });
    expect(await dayError(s.admin, closure(s.school.id, "2026-11-26"))).toEqual({
      day: ["The district already closes every school that day: Thanksgiving."],
    });
    expect(await dayError(s.admin, closure(s.school.id, "2026-11-28"))).toEqual({ day: [expect.stringContaining("Saturday or Sunday")] });
    expect(await dayError(s.admin, closure(s.school.id, "2027-07-05"))).toEqual({
      day: [expect.stringContaining("within the school year")],
    });
    expect(await dayError(s.admin, closure(s.school.id, "2026-02-30"))).toEqual({ day: ["Enter the date the school is closed."] });
    expect(await dayError(s.admin, closure(s.school.id, "2026-12-21", " "))).toEqual({ name: ["Name the closure, such as Winter break."] });
    expect(await db.schoolClosure.count({ where: { organizationId: s.school.id } })).toBe(1);
  });

  it("keeps each admin to what they manage", async () => {
    await expect(addClosure(s.admin, closure(s.schoolB.id, "2026-12-21"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(addClosure(s.admin, closure(s.otherSchool.id, "2026-12-21"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(addClosure(s.admin, closure(s.district.id, "2026-12-21"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addClosure(s.teacher, closure(s.school.id, "2026-12-21"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeClosure(s.admin, { closureId: districtClosureId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeClosure(s.otherAdmin, { closureId: schoolClosureId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeClosure(s.teacher, { closureId: schoolClosureId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.schoolClosure.count({ where: { id: { in: [districtClosureId, schoolClosureId] } } })).toBe(2);
    expect(await db.schoolClosure.count({ where: { organizationId: { in: [s.schoolB.id, s.otherSchool.id] } } })).toBe(0);
  });

  it("removes a closure, once", async () => {
    expect(await removeClosure(s.admin, { closureId: schoolClosureId })).toEqual({ day: "2026-11-27", name: "Day after Thanksgiving" });
    await expect(removeClosure(s.admin, { closureId: schoolClosureId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits(schoolClosureId)).toEqual([{ action: "school-closure.create" }, { action: "school-closure.remove" }]);
  });
});

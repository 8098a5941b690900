// Retention (issue 11): the district admin's period, the students due by months, the daily job
// notifying once a day, and the confirmation deleting only listed students who are still due.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, InputError } from "@/lib/errors";
import { makeSchool, person } from "@/test/fixtures";
import { deleteDueStudents } from "./commands";
import { DUE_PAGE, dueStudents } from "./due";
import { notifyRetentionDue } from "./job";
import { getRetention, setRetention } from "./policy";

let s: Awaited<ReturnType<typeof makeSchool>>;
// Notifications are stamped with the real time, so the test runs at the real time too.
const NOW = new Date();
const monthsAgo = (n: number, extraDays = 0) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - n);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d;
};

/** A student of school A who left (every membership ended) at `endedAt`. */
async function leftAt(name: string, endedAt: Date): Promise<Actor> {
  const p = await person(s.school, "STUDENT", name);
  await db.membership.updateMany({ where: { userId: p.id }, data: { endedAt } });
  return p;
}

let old: Actor; // left 25 months ago
let recent: Actor; // left 13 months ago
let fresh: Actor; // left 2 months ago
let back: Actor; // left 30 months ago, but also active again elsewhere in the district
beforeAll(async () => {
  s = await makeSchool();
  old = await leftAt("Ada Old", monthsAgo(25));
  recent = await leftAt("Rae Recent", monthsAgo(13));
  fresh = await leftAt("Fay Fresh", monthsAgo(2));
  back = await leftAt("Bo Back", monthsAgo(30));
  await db.membership.create({ data: { userId: back.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "STUDENT" } });
});

const names = async (keepMonths: number) => (await dueStudents(s.district.id, keepMonths, {}, NOW)).items.map((x) => x.name);

describe("the retention period", () => {
  it("is set by a district admin only, blank keeping records, with a field message for bad input", async () => {
    for (const actor of [s.admin, s.teacher, s.otherAdmin]) {
      await expect(setRetention(actor, { keepMonths: "12" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getRetention(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await getRetention(s.districtAdmin)).toMatchObject({ keepMonths: null });
    for (const bad of ["0", "-3", "1.5", "twelve", "601"]) {
      await expect(setRetention(s.districtAdmin, { keepMonths: bad })).rejects.toThrow(/whole number of months/);
    }
    await setRetention(s.districtAdmin, { keepMonths: " " });
    expect((await getRetention(s.districtAdmin)).keepMonths).toBeNull();
    await setRetention(s.districtAdmin, { keepMonths: "24" });
    expect((await getRetention(s.districtAdmin)).keepMonths).toBe(24);
    // Another district's admin sees their own district's (unset) period.
    expect((await getRetention(await person(s.other, "ADMIN", "Other District Admin"))).keepMonths).toBeNull();
  });

  it("lists students with no active role whose last role ended more than the period ago", async () => {
    expect(await names(24)).toEqual(["Ada Old"]);
    expect(await names(12)).toEqual(["Ada Old", "Rae Recent"]);
    expect(await names(1)).toEqual(["Ada Old", "Fay Fresh", "Rae Recent"]);
    // Never a student who is active anywhere, nor anyone of another district.
    expect(await names(1)).not.toContain("Bo Back");
    expect((await dueStudents(s.other.id, 1, {}, NOW)).items).toEqual([]);
  });
});

describe("the students due, a page at a time", () => {
  it("pages every student due exactly once by name, forwards and back, from among the district's leavers", async () => {
    const marker = `Pg${Date.now().toString(36)}`;
    const make = async (count: number, name: (i: number) => string, role: "STUDENT" | "TEACHER", endedAt: Date | null) => {
      const users = await db.user.createManyAndReturn({
        data: Array.from({ length: count }, (_, i) => ({
          districtId: s.district.id,
          email: `${marker.toLowerCase()}.${role.toLowerCase()}.${endedAt?.getTime() ?? "now"}.${i}@example.test`,
          name: name(i),
        })),
        select: { id: true },
      });
      await db.membership.createMany({
        data: users.map((u) => ({ userId: u.id, organizationId: s.school.id, districtId: s.district.id, role, endedAt })),
      });
      return users;
    };
    // Due, with ties on the name (broken by id) and names in different cases.
    await make(
      DUE_PAGE * 2 + 7,
      (i) => (i % 9 === 0 ? `Dee ${marker}` : i % 11 === 0 ? `dee ${marker}` : `${String.fromCharCode(65 + (i % 26))}${i} ${marker}`),
      "STUDENT",
      monthsAgo(30),
    );
    // Not due: left lately, a teacher who left long ago, and a student still here.
    await make(30, (i) => `Late ${i} ${marker}`, "STUDENT", monthsAgo(3));
    await make(5, (i) => `Tea ${i} ${marker}`, "TEACHER", monthsAgo(30));
    await make(5, (i) => `Here ${i} ${marker}`, "STUDENT", null);

    // What is due, worked out by hand from everyone's memberships, in the list's order.
    const cutoff = monthsAgo(24);
    const people = await db.user.findMany({ where: { districtId: s.district.id }, select: { id: true, memberships: true } });
    const due = people.filter(
      (p) => p.memberships.some((m) => m.role === "STUDENT") && p.memberships.every((m) => m.endedAt !== null && m.endedAt < cutoff),
    );
    const expected = (
      await db.user.findMany({
        where: { id: { in: due.map((p) => p.id) } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((u) => u.id);
    expect(expected.length).toBeGreaterThan(DUE_PAGE * 2);

    const forwards: string[][] = [];
    let page = await dueStudents(s.district.id, 24, {}, NOW);
    forwards.push(page.items.map((x) => x.id));
    while (page.next) {
      page = await dueStudents(s.district.id, 24, { after: page.next }, NOW);
      forwards.push(page.items.map((x) => x.id));
    }
    const backwards: string[][] = [forwards.at(-1)!];
    while (page.previous) {
      page = await dueStudents(s.district.id, 24, { before: page.previous }, NOW);
      backwards.unshift(page.items.map((x) => x.id));
    }
    expect(forwards.flat()).toEqual(expected);
    expect(backwards).toEqual(forwards);
    // Their own delete undoes the test's people, so the other tests see the district as before.
    await db.user.deleteMany({ where: { email: { startsWith: `${marker.toLowerCase()}.` } } });
  });
});

describe("the daily job", () => {
  it("notifies the district admins once a day, whatever how often it runs", async () => {
    const count = () => db.notification.count({ where: { userId: s.districtAdmin.id, type: "RETENTION_DUE" } });
    expect(await count()).toBe(0);
    await notifyRetentionDue(NOW);
    await Promise.all([notifyRetentionDue(NOW), notifyRetentionDue(NOW)]);
    expect(await count()).toBe(1);
    // School admins are not told: the period is the district's.
    expect(await db.notification.count({ where: { userId: s.admin.id, type: "RETENTION_DUE" } })).toBe(0);
    // The next day, again once.
    await notifyRetentionDue(new Date(NOW.getTime() + 24 * 3600_000));
    expect(await count()).toBe(2);
  });
});

describe("confirming the deletion", () => {
  it("refuses a wrong count, and anyone but a district admin", async () => {
    const ids = [old.id, recent.id];
    const wrong = await deleteDueStudents(s.districtAdmin, { studentIds: ids, confirmCount: "3" }, NOW).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InputError);
    expect((wrong as InputError).fieldErrors.confirmCount?.[0]).toContain("Type 2");
    for (const actor of [s.admin, s.teacher, s.otherAdmin]) {
      await expect(deleteDueStudents(actor, { studentIds: ids, confirmCount: "2" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.user.count({ where: { id: { in: ids } } })).toBe(2);
  });

  it("deletes only the listed students still due, each with a retention certificate", async () => {
    const foreign = await db.user.findFirstOrThrow({ where: { id: s.otherStudent.id } });
    // Listed: one due (Ada), one not yet due under 24 months (Rae), one who came back (Bo), one of another district.
    const studentIds = [old.id, recent.id, back.id, foreign.id];
    const result = await deleteDueStudents(s.districtAdmin, { studentIds, confirmCount: "4" }, NOW);
    expect(result).toMatchObject({ deleted: 1, skipped: 3, failed: 0 });
    expect(await db.user.count({ where: { id: old.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [recent.id, back.id, foreign.id, fresh.id] } } })).toBe(4);
    const certificate = await db.deletionCertificate.findUniqueOrThrow({ where: { id: result.certificateIds[0] } });
    expect(certificate).toMatchObject({ subjectRef: old.id, subjectName: "Ada Old", reason: "retention", deletedById: s.districtAdmin.id });
    expect(certificate.removed).toMatchObject({ memberships: 1 });
  });

  it("goes on when one deletion fails, rolls that one back, and counts it", async () => {
    const fails = await leftAt("Fia Fails", monthsAgo(40));
    const goes = await leftAt("Gil Goes", monthsAgo(40));
    // A deletion the database refuses, for this one student only (this throwaway database's trigger).
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_refuse_retention() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END; $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_retention BEFORE DELETE ON "User" FOR EACH ROW WHEN (OLD.id = '${fails.id}') EXECUTE FUNCTION test_refuse_retention()`,
    );
    const result = await deleteDueStudents(s.districtAdmin, { studentIds: [fails.id, goes.id], confirmCount: "2" }, NOW).finally(() =>
      db.$executeRawUnsafe(`DROP TRIGGER test_refuse_retention ON "User"`),
    );
    expect(result).toMatchObject({ deleted: 1, skipped: 0, failed: 1 });
    expect(await db.user.count({ where: { id: goes.id } })).toBe(0);
    // Nothing of the one that failed went: not their roles, nor a certificate.
    expect(await db.membership.count({ where: { userId: fails.id } })).toBe(1);
    expect(await db.deletionCertificate.count({ where: { subjectRef: fails.id } })).toBe(0);
  });
});

// The admin overview's numbers come from OrganizationCount, kept by Postgres triggers
// (prisma/migrations/20261202000000_overview_summary). These tests compare it, after every
// kind of write, with a fresh count made the way the overview used to count.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { PlanStatus, Role } from "@/lib/generated/prisma/enums.ts";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { deletePlan, restorePlan } from "@/lib/plans/trash";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { endMembership } from "./admin-commands";
import { organizationOverview } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

/** Counts made from the tables themselves, as the overview once did, for these organizations. */
async function fresh(orgs: string[]) {
  const [plans, people, classes] = await Promise.all([
    db.plan.groupBy({ by: ["status"], where: { schoolId: { in: orgs }, deletedAt: null }, _count: { _all: true } }),
    db.membership.groupBy({ by: ["role"], where: { organizationId: { in: orgs }, endedAt: null }, _count: { _all: true } }),
    db.class.count({ where: { schoolId: { in: orgs } } }),
  ]);
  return {
    plans: Object.fromEntries(plans.map((p) => [p.status, p._count._all])),
    people: Object.fromEntries(people.map((p) => [p.role, p._count._all])),
    classes,
  };
}

/** What the maintained table says for them (zero rows left behind by deletes are no count). */
async function kept(orgs: string[]) {
  const rows = await db.organizationCount.groupBy({ by: ["subject"], where: { organizationId: { in: orgs } }, _sum: { count: true } });
  const of = (prefix: string) =>
    Object.fromEntries(
      rows.filter((r) => r.subject.startsWith(prefix) && r._sum.count !== 0).map((r) => [r.subject.slice(prefix.length), r._sum.count]),
    );
  return { plans: of("plan:"), people: of("member:"), classes: rows.find((r) => r.subject === "class")?._sum.count ?? 0 };
}

const orgsOf = () => [s.district.id, s.school.id, s.schoolB.id];
const version = async (planId: string) => (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
const move = async (actor: Actor, planId: string, transition: string) =>
  transitionPlan(actor, { planId, version: await version(planId), transition, note: "" });

describe("the overview's maintained counts", () => {
  it("equal a fresh count for a new district, and the overview shows them", async () => {
    expect(await kept(orgsOf())).toEqual(await fresh(orgsOf()));
    const school = await organizationOverview(s.admin);
    const counted = await fresh([s.school.id]);
    expect(school.people).toEqual(counted.people);
    expect(school.plans).toEqual(counted.plans);
    expect(school.classes).toBe(counted.classes);
    // A district admin's overview sums the district's own row and its schools'.
    const district = await organizationOverview(s.districtAdmin);
    const all = await fresh(orgsOf());
    expect(district.people).toEqual(all.people);
    expect(district.people.ADMIN).toBe(2);
    expect(district.plans).toEqual(all.plans);
    expect(district.classes).toBe(all.classes);
    expect(district.classes).toBe(3);
  });

  it("follow the app's commands: create, submit, approve, delete a draft, restore it, end a membership", async () => {
    const before = await organizationOverview(s.admin);
    const draft = (await createPlan(s.student, planInput({ title: "Counted draft" }))).id;
    const active = (await createPlan(s.student, planInput({ title: "Counted plan" }))).id;
    await move(s.student, active, "submit");
    await move(s.teacher, active, "startReview");
    await move(s.teacher, active, "approve");
    let now = await organizationOverview(s.admin);
    expect(now.plans.DRAFT).toBe((before.plans.DRAFT ?? 0) + 1);
    expect(now.plans.ACTIVE).toBe((before.plans.ACTIVE ?? 0) + 1);
    expect(now.plans).toEqual((await fresh([s.school.id])).plans);

    await deletePlan(s.student, { planId: draft, version: await version(draft) });
    now = await organizationOverview(s.admin);
    expect(now.plans.DRAFT ?? 0).toBe(before.plans.DRAFT ?? 0);
    await restorePlan(s.student, { planId: draft });
    now = await organizationOverview(s.admin);
    expect(now.plans.DRAFT).toBe((before.plans.DRAFT ?? 0) + 1);

    const leaver = await person(s.school, "STUDENT", "Lee Leaver");
    expect((await organizationOverview(s.admin)).people.STUDENT).toBe((before.people.STUDENT ?? 0) + 1);
    const m = await db.membership.findFirstOrThrow({ where: { userId: leaver.id }, select: { id: true } });
    await endMembership(s.admin, { membershipId: m.id });
    now = await organizationOverview(s.admin);
    expect(now.people.STUDENT).toBe(before.people.STUDENT);
    expect(await kept(orgsOf())).toEqual(await fresh(orgsOf()));
  });

  it("follow concurrent writes to the same school exactly", async () => {
    const students = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => person(s.schoolB, "STUDENT", `Par Allel ${i}`)));
    await Promise.all(students.map((st) => createPlan(st, planInput({ title: "At the same time" }))));
    await Promise.all(
      students.map((st) => db.plan.updateMany({ where: { studentId: st.id }, data: { status: "SUBMITTED", submittedAt: new Date() } })),
    );
    expect(await kept(orgsOf())).toEqual(await fresh(orgsOf()));
  });

  it("follow any sequence of writes made outside the app: bulk, moves between schools, hard deletes, cascades", async () => {
    const statuses: PlanStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "ACTIVE", "COMPLETED", "ARCHIVED"];
    const roles: Role[] = ["STUDENT", "TEACHER", "GUARDIAN", "ADMIN"];
    const schools = [s.school.id, s.schoolB.id];
    const course = await db.course.create({ data: { schoolId: s.school.id, title: "Counting", subject: "MATH" } });
    const courseB = await db.course.create({ data: { schoolId: s.schoolB.id, title: "Counting", subject: "MATH" } });
    const kids = await Promise.all([0, 1, 2].map((i) => person(s.school, "STUDENT", `Prop Kid ${i}`)));
    const ids = kids.map((k) => k.id);
    const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;
    const someIds = async (table: "plan" | "membership" | "class", n: number) => {
      const where = {
        plan: { studentId: { in: ids } },
        membership: { userId: { in: ids } },
        class: { courseId: { in: [course.id, courseB.id] } },
      }[table];
      const rows: { id: string }[] = await (db[table] as unknown as { findMany: (a: object) => Promise<{ id: string }[]> }).findMany({
        where,
        select: { id: true },
        orderBy: { id: "asc" },
      });
      return rows.filter((_, i) => (i + n) % 2 === 0).map((r) => r.id);
    };
    const op = fc.oneof(
      fc.record({ kind: fc.constant("plans" as const), n: fc.nat(6), status: fc.nat(6), school: fc.nat(1), deleted: fc.boolean() }),
      fc.record({ kind: fc.constant("status" as const), n: fc.nat(9), status: fc.nat(6) }),
      fc.record({ kind: fc.constant("softDelete" as const), n: fc.nat(9), on: fc.boolean() }),
      fc.record({ kind: fc.constant("moveSchool" as const), n: fc.nat(9), school: fc.nat(1) }),
      fc.record({ kind: fc.constant("deletePlans" as const), n: fc.nat(9) }),
      fc.record({ kind: fc.constant("member" as const), kid: fc.nat(2), role: fc.nat(3), school: fc.nat(1) }),
      fc.record({ kind: fc.constant("endMembers" as const), n: fc.nat(9), on: fc.boolean() }),
      fc.record({ kind: fc.constant("changeRole" as const), n: fc.nat(9), role: fc.nat(3) }),
      fc.record({ kind: fc.constant("deleteMembers" as const), n: fc.nat(9) }),
      fc.record({ kind: fc.constant("classes" as const), n: fc.nat(3), school: fc.nat(1) }),
      fc.record({ kind: fc.constant("deleteClasses" as const), n: fc.nat(9) }),
      fc.record({ kind: fc.constant("titleOnly" as const), n: fc.nat(9) }),
      fc.record({ kind: fc.constant("rolledBack" as const), n: fc.nat(4) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          switch (o.kind) {
            case "plans":
              await db.plan.createMany({
                data: Array.from({ length: o.n }, (_, i) => ({
                  schoolId: pick(schools, o.school),
                  studentId: pick(ids, i),
                  type: "PERSONALIZED" as const,
                  status: pick(statuses, o.status + i),
                  title: "Generated",
                  startsOn: new Date("2026-09-01"),
                  endsOn: new Date("2027-06-01"),
                  deletedAt: o.deleted && i % 2 === 0 ? new Date() : null,
                })),
              });
              break;
            case "status":
              await db.plan.updateMany({ where: { id: { in: await someIds("plan", o.n) } }, data: { status: pick(statuses, o.status) } });
              break;
            case "softDelete":
              await db.plan.updateMany({
                where: { id: { in: await someIds("plan", o.n) } },
                data: { deletedAt: o.on ? new Date() : null },
              });
              break;
            case "moveSchool":
              await db.plan.updateMany({ where: { id: { in: await someIds("plan", o.n) } }, data: { schoolId: pick(schools, o.school) } });
              break;
            case "deletePlans":
              await db.plan.deleteMany({ where: { id: { in: await someIds("plan", o.n) } } });
              break;
            case "member":
              await db.membership.upsert({
                where: {
                  userId_organizationId_role: {
                    userId: pick(ids, o.kid),
                    organizationId: pick(schools, o.school),
                    role: pick(roles, o.role),
                  },
                },
                create: {
                  userId: pick(ids, o.kid),
                  organizationId: pick(schools, o.school),
                  districtId: s.district.id,
                  role: pick(roles, o.role),
                },
                update: { endedAt: null },
              });
              break;
            case "endMembers":
              await db.membership.updateMany({
                where: { id: { in: await someIds("membership", o.n) } },
                data: { endedAt: o.on ? new Date() : null },
              });
              break;
            case "changeRole":
              // One at a time: a role already held there would break the unique key.
              for (const id of await someIds("membership", o.n)) {
                await db.membership.update({ where: { id }, data: { role: pick(roles, o.role) } }).catch(() => undefined);
              }
              break;
            case "deleteMembers":
              await db.membership.deleteMany({ where: { id: { in: await someIds("membership", o.n) } } });
              break;
            case "classes":
              await db.class.createMany({
                data: Array.from({ length: o.n }, (_, i) => ({
                  schoolId: pick(schools, o.school),
                  courseId: o.school % 2 === 0 ? course.id : courseB.id,
                  name: `Generated ${i}`,
                })),
              });
              break;
            case "deleteClasses":
              await db.class.deleteMany({ where: { id: { in: await someIds("class", o.n) } } });
              break;
            case "titleOnly":
              await db.plan.updateMany({ where: { id: { in: await someIds("plan", o.n) } }, data: { title: "Renamed" } });
              break;
            case "rolledBack":
              // A write that fails after counting leaves the counts as they were.
              await db
                .$transaction(async (tx) => {
                  await tx.plan.updateMany({ where: { studentId: { in: ids } }, data: { status: pick(statuses, o.n) } });
                  await tx.membership.updateMany({ where: { userId: { in: ids } }, data: { endedAt: new Date() } });
                  throw new Error("roll back");
                })
                .catch(() => undefined);
              break;
          }
        }
        expect(await kept(orgsOf())).toEqual(await fresh(orgsOf()));
      }),
      { numRuns: 25 },
    );
    // Deleting a person takes their plans and memberships with them (cascades count too).
    await db.user.delete({ where: { id: ids[0]! } });
    expect(await kept(orgsOf())).toEqual(await fresh(orgsOf()));
  });
});

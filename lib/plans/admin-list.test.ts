// The admin home's plan list pages by keyset over (updatedAt, id), most recent first: each
// plan the admin may see exactly once, forwards and backwards, ties included; deleted drafts
// and other schools' plans never.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { listOrganizationPlans, listPlans } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
  const students = [s.student.id, s.classmate.id, s.childB.id, s.otherStudent.id];
  const schools = [s.school.id, s.school.id, s.schoolB.id, s.otherSchool.id];
  await db.plan.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      schoolId: schools[i % 4]!,
      studentId: students[i % 4]!,
      type: "PERSONALIZED" as const,
      status: "DRAFT" as const,
      title: `Listed ${i}`,
      startsOn: new Date("2026-09-01"),
      endsOn: new Date("2027-06-01"),
      deletedAt: i % 9 === 0 ? new Date() : null,
    })),
  });
  // Ties on updatedAt, within and across schools (createMany's @updatedAt is one time for all).
  const ids = await db.plan.findMany({ where: { title: { startsWith: "Listed" }, studentId: { in: students } }, select: { id: true } });
  for (const [i, p] of ids.entries()) {
    await db.$executeRaw`UPDATE "Plan" SET "updatedAt" = ${new Date(Date.UTC(2026, 10, 1, 12, Math.floor(i / 3)))} WHERE id = ${p.id}`;
  }
});

async function expected(schools: string[]) {
  const rows = await db.plan.findMany({
    where: { schoolId: { in: schools }, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function walk(actor: Actor, size: number) {
  const forwards: string[][] = [];
  let page = await listOrganizationPlans(actor, {}, size);
  expect(page.previous).toBeNull();
  forwards.push(page.items.map((p) => p.id));
  while (page.next) {
    page = await listOrganizationPlans(actor, { after: page.next }, size);
    forwards.push(page.items.map((p) => p.id));
  }
  const backwards: string[][] = [forwards.at(-1)!];
  while (page.previous) {
    page = await listOrganizationPlans(actor, { before: page.previous }, size);
    backwards.unshift(page.items.map((p) => p.id));
  }
  return { forwards, backwards };
}

describe("the admin's plan list", () => {
  it("pages the district's plans, most recently updated first, each once, both ways", async () => {
    const all = await expected([s.school.id, s.schoolB.id]);
    expect(all.length).toBeGreaterThan(20);
    const { forwards, backwards } = await walk(s.districtAdmin, 6);
    expect(forwards.flat()).toEqual(all);
    expect(backwards).toEqual(forwards);
  });

  it("is, for a school admin, the same plans as the access rule gives, and their summaries", async () => {
    const { forwards } = await walk(s.admin, 5);
    expect(forwards.flat()).toEqual(await expected([s.school.id]));
    const ruled = await listPlans(s.admin, { page: 1 });
    const keyset = await listOrganizationPlans(s.admin, {}, 100);
    expect(new Set(keyset.items.map((p) => p.id))).toEqual(new Set(ruled.items.map((p) => p.id)));
    const one = keyset.items.find((p) => p.id === ruled.items[0]!.id);
    expect(one).toEqual(ruled.items[0]);
  });

  it("is an admin's only", async () => {
    await expect(listOrganizationPlans(s.teacher)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOrganizationPlans(s.guardian)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

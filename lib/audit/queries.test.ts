// The audit log pages by keyset: every event of the admin's organizations exactly once, in
// (createdAt, id) order newest first, forwards ("older") and backwards ("newer"), ties included.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { listAuditEvents } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
  // Three organizations' events, interleaved in time, with ties on the time inside and across them.
  await db.auditEvent.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      id: `audit-${randomUUID()}`,
      organizationId: [s.school.id, s.schoolB.id, s.district.id][i % 3]!,
      actorId: i % 5 === 0 ? null : s.admin.id,
      action: "test.event",
      entityType: "Plan",
      entityId: `p${i}`,
      createdAt: at(Math.floor(i / 4)),
    })),
  });
  await db.auditEvent.create({
    data: { organizationId: s.otherSchool.id, action: "test.event", entityType: "Plan", entityId: "elsewhere" },
  });
});

async function expected(orgs: string[]) {
  const rows = await db.auditEvent.findMany({
    where: { organizationId: { in: orgs } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Every page, following "older" links from the first, then "newer" links back. */
async function walk(actor: Actor, size: number) {
  const forwards: string[][] = [];
  let page = await listAuditEvents(actor, {}, size);
  expect(page.previous).toBeNull();
  forwards.push(page.items.map((e) => e.id));
  while (page.next) {
    page = await listAuditEvents(actor, { after: page.next }, size);
    forwards.push(page.items.map((e) => e.id));
  }
  const backwards: string[][] = [forwards.at(-1)!];
  while (page.previous) {
    page = await listAuditEvents(actor, { before: page.previous }, size);
    backwards.unshift(page.items.map((e) => e.id));
  }
  return { forwards, backwards };
}

describe("the audit log", () => {
  it("pages a district's log (its schools' and its own) newest first, each event once, both ways", async () => {
    const all = await expected([s.district.id, s.school.id, s.schoolB.id]);
    expect(all.length).toBeGreaterThanOrEqual(45);
    const { forwards, backwards } = await walk(s.districtAdmin, 7);
    expect(forwards.flat()).toEqual(all);
    expect(forwards.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    expect(backwards).toEqual(forwards);
  });

  it("shows a school admin their school's events only, and who did each", async () => {
    const { forwards } = await walk(s.admin, 10);
    expect(forwards.flat()).toEqual(await expected([s.school.id]));
    const first = await listAuditEvents(s.admin, {}, 50);
    const names = new Set(first.items.filter((e) => e.entityId.startsWith("p")).map((e) => e.actorName));
    expect(names).toEqual(new Set(["Ada Admin", "System"]));
    expect(first.items.map((e) => e.entityId)).not.toContain("elsewhere");
  });

  it("starts from the newest for a cursor that is not one of ours, and is an admin's only", async () => {
    const first = await listAuditEvents(s.admin, {}, 5);
    for (const bad of ["nonsense", Buffer.from('["not a time","x"]').toString("base64url"), ""]) {
      expect((await listAuditEvents(s.admin, { after: bad }, 5)).items).toEqual(first.items);
    }
    await expect(listAuditEvents(s.teacher)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(s.student)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

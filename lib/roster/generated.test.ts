// A realistic export of a few thousand rows imports fully, and again without changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildRoster, rosterFiles } from "@/test/roster/generate";
import { check, checkAndApply, districtWithAdmin, uniquePrefix } from "@/test/roster/helpers";
import { ENTITIES } from "./report";

describe("a generated export of a few thousand rows", () => {
  it("imports every row, then finds nothing to change", { timeout: 120_000 }, async () => {
    const { district, admin } = await districtWithAdmin();
    const model = buildRoster({ students: 1200, prefix: uniquePrefix() });
    expect(model.users.length + model.enrollments.length).toBeGreaterThan(10_000);
    const { report } = await checkAndApply(admin, rosterFiles(model));
    expect([report.fileErrors, report.errors]).toEqual([[], []]);
    const people = model.users.filter((u) => u.role !== "proctor").length;
    expect(report.counts.people.created).toBe(people);
    expect(await db.user.count({ where: { districtId: district.id, source: "oneroster" } })).toBe(people);
    expect(await db.membership.count({ where: { districtId: district.id, source: "oneroster", endedAt: null } })).toBe(
      model.users.filter((u) => u.role !== "proctor").reduce((n, u) => n + u.orgSourcedIds!.split(",").length, 0),
    );
    expect(await db.enrollment.count({ where: { class: { school: { districtId: district.id } } } })).toBe(model.enrollments.length);
    expect(await db.class.count({ where: { school: { districtId: district.id } } })).toBe(model.classes.length);
    expect(await db.studentProfile.count({ where: { user: { districtId: district.id } } })).toBe(
      model.users.filter((u) => u.role === "student").length,
    );

    const again = await check(admin, rosterFiles(model));
    for (const e of ENTITIES)
      expect([e, again.report.counts[e].created + again.report.counts[e].updated + again.report.counts[e].deactivated]).toEqual([e, 0]);
  });
});

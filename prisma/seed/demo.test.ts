// The demo district seeds whole on a database (the end-to-end journeys and `npm start` rely on it),
// with what each part of the product shows first: plans, ratings, mastery, an agreement policy and
// learning records (one waiting for review).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "./accounts";
import { seedDemoSchool } from "./demo";

describe("the demo district", () => {
  it("seeds, with its sign-ins and learning records", { timeout: 120_000 }, async () => {
    const summary = await seedDemoSchool(db);
    expect(summary.accounts.map((a) => a.email)).toContain(DEMO_ACCOUNTS.student.email);
    const district = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.student.email }, select: { districtId: true } });
    expect(await db.studyPolicy.count({ where: { organizationId: district.districtId } })).toBe(1);
    expect(await db.standardMastery.count({ where: { student: { districtId: district.districtId } } })).toBeGreaterThan(0);
    const records = await db.learningRecord.findMany({
      where: { student: { districtId: district.districtId } },
      select: { reviewRequestedAt: true, standards: { select: { standardId: true } } },
    });
    expect(records).toHaveLength(2);
    expect(records.filter((r) => r.reviewRequestedAt && r.standards.length === 1)).toHaveLength(1);
  });
});

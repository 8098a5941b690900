import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool, planInput } from "@/test/fixtures";
import { createPlan, transitionPlan, updatePlan } from "./commands";
import { getPlan, planFormValues } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const revisionsOf = (planId: string) =>
  db.planRevision.findMany({
    where: { planId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, kind: true, contentHash: true, content: true },
  });
const versionOf = async (planId: string) => (await db.plan.findUniqueOrThrow({ where: { id: planId } })).version;

describe("plan revisions", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (
      await createPlan(s.student, planInput({ title: "Hashed", goals: [{ ...planInput().goals[0]!, standardIds: [s.standard.id] }] }))
    ).id;
  });

  it("keep the full content, with a hash that changes exactly when the content does", async () => {
    const edit = async (title: string) =>
      updatePlan(s.student, {
        planId,
        version: await versionOf(planId),
        plan: { ...planFormValues(await getPlan(s.student, planId)), title },
      });
    await edit("Hashed"); // saved again, unchanged
    await edit("Hashed, renamed"); // changed
    await edit("Hashed"); // changed back
    const [created, same, renamed, back] = await revisionsOf(planId);
    expect([created?.kind, same?.kind, renamed?.kind, back?.kind]).toEqual(["CREATED", "EDITED", "EDITED", "EDITED"]);
    expect(created?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(same?.contentHash).toBe(created?.contentHash);
    expect(renamed?.contentHash).not.toBe(created?.contentHash);
    expect(back?.contentHash).toBe(created?.contentHash);
    expect(created?.content).toMatchObject({ title: "Hashed", goals: [{ title: "Write an argument", standardIds: [s.standard.id] }] });
    // The hash is the SHA-256 of the content's jsonb text, so anyone can check it.
    const [row] = await db.$queryRaw<{ text: string }[]>`SELECT content::text AS text FROM "PlanRevision" WHERE id = ${created?.id}`;
    expect(
      createHash("sha256")
        .update(row?.text ?? "")
        .digest("hex"),
    ).toBe(created?.contentHash);
  });

  it("keep what was submitted and what was approved, and the plan page names the approved version", async () => {
    await transitionPlan(s.student, { planId, version: await versionOf(planId), transition: "submit", note: "" });
    await transitionPlan(s.teacher, { planId, version: await versionOf(planId), transition: "approve", note: "" });
    const all = await revisionsOf(planId);
    const [submitted, approved] = all.slice(-2);
    expect([submitted?.kind, approved?.kind]).toEqual(["SUBMITTED", "APPROVED"]);
    expect(approved?.contentHash).toBe(all[0]?.contentHash);
    const page = await getPlan(s.guardian, planId);
    expect(page.revision?.number).toBe(approved?.number);
    expect(page.approvedRevision?.number).toBe(approved?.number);
  });

  it("cannot be changed or deleted, even by a write that skips the app", async () => {
    const [first] = await revisionsOf(planId);
    await expect(db.planRevision.update({ where: { id: first!.id }, data: { content: { title: "Forged" } } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE "PlanRevision" SET "contentHash" = 'x' WHERE id = ${first!.id}`).rejects.toThrow(/immutable/);
    await expect(db.planRevision.delete({ where: { id: first!.id } })).rejects.toThrow(/only with their plan/);
    // A hash supplied by a caller is ignored: the database computes it.
    const forged = await db.planRevision.create({
      data: { planId, number: 999, kind: "EDITED", content: { title: "x" }, contentHash: "0".repeat(64) },
    });
    expect(forged.contentHash).not.toBe("0".repeat(64));
    expect((await revisionsOf(planId))[0]).toEqual(first);
  });

  it("go with their plan when it is deleted", async () => {
    const doomed = (await createPlan(s.student, planInput({ title: "Doomed" }))).id;
    await db.plan.delete({ where: { id: doomed } });
    expect(await db.planRevision.count({ where: { planId: doomed } })).toBe(0);
  });
});

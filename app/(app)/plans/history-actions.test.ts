// The history and proposed-change actions, and the latest-version read of the merge
// view, called as the browser would: signed out, with tampered ids, with bad input.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { getPlan, planFormValues } from "@/lib/plans/queries";
import { makeSchool, planInput } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./history-actions");
const latestRoute = await import("./[id]/history/latest/route");
let s: Awaited<ReturnType<typeof makeSchool>>;
let activeId: string;
let draftId: string;
let otherChangeId: string;

const versionOf = async (id: string) => (await db.plan.findUniqueOrThrow({ where: { id } })).version;
async function activePlan(title: string) {
  const id = (await createPlan(s.student, planInput({ title }))).id;
  await transitionPlan(s.student, { planId: id, version: await versionOf(id), transition: "submit", note: "" });
  await transitionPlan(s.teacher, { planId: id, version: await versionOf(id), transition: "approve", note: "" });
  return id;
}

beforeAll(async () => {
  s = await makeSchool();
  activeId = await activePlan("Protected active plan");
  draftId = (await createPlan(s.student, planInput({ title: "Protected draft" }))).id;
  // A pending change on another plan of the same student, to tamper with.
  const otherId = await activePlan("Another plan");
  signedIn = s.student;
  const proposed = await actions.proposeChangeAction({
    planId: otherId,
    version: await versionOf(otherId),
    plan: planFormValues(await getPlan(s.student, otherId)),
    note: "",
  });
  if (!proposed.ok) throw new Error(proposed.message);
  otherChangeId = proposed.data.id;
});
beforeEach(() => {
  signedIn = null;
});

const latest = (planId: string) => latestRoute.GET(new Request("http://test.local"), { params: Promise.resolve({ id: planId }) });

describe("history and proposed-change actions", () => {
  it("refuse a signed-out caller", async () => {
    const result = await actions.restoreRevisionAction({ planId: draftId, version: 1, number: 1 });
    expect(result).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect((await latest(draftId)).status).toBe(401);
  });

  it("answer someone else's plan with 'not found' and change nothing", async () => {
    signedIn = s.classmate;
    const plan = planFormValues(await getPlan(s.student, activeId));
    const results = [
      await actions.restoreRevisionAction({ planId: draftId, version: await versionOf(draftId), number: 1 }),
      await actions.proposeChangeAction({ planId: activeId, version: await versionOf(activeId), plan, note: "" }),
      await actions.decideChangeAction({ planId: activeId, changeId: otherChangeId, decision: "approve", note: "" }),
      await actions.withdrawChangeAction({ planId: activeId, changeId: otherChangeId }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await latest(activeId)).status).toBe(404);
    expect(await db.planChange.count({ where: { planId: activeId } })).toBe(0);
    expect(await db.planRevision.count({ where: { planId: draftId, kind: "RESTORED" } })).toBe(0);
  });

  it("answer a change id of another plan with 'not found', even to the right teacher and student", async () => {
    signedIn = s.teacher;
    expect(await actions.decideChangeAction({ planId: activeId, changeId: otherChangeId, decision: "approve", note: "" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    signedIn = s.student;
    expect(await actions.withdrawChangeAction({ planId: activeId, changeId: otherChangeId })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: otherChangeId } })).toMatchObject({ status: "PENDING" });
  });

  it("return field errors: a decline needs a reason", async () => {
    signedIn = s.teacher;
    const result = await actions.decideChangeAction({ planId: activeId, changeId: otherChangeId, decision: "decline", note: " " });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { note: ["Tell the student why you are declining the change."] },
    });
  });

  it("give the teacher the latest saved plan for the merge view", async () => {
    signedIn = s.teacher;
    const response = await latest(draftId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      ok: true,
      data: { version: await versionOf(draftId), content: { title: "Protected draft" } },
    });
  });
});

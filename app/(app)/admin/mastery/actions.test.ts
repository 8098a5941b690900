// Server actions are public endpoints: anyone can post any ids to them. These tests call them
// as the browser would, with tampered ids, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/jobs/boss", () => ({ enqueue: async () => null }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

const levels = [
  { id: "", name: "Not yet", points: 0, colour: "#aa0000", description: "", proficient: false, isDefault: false },
  { id: "", name: "Got it", points: 1, colour: "#00aa00", description: "", proficient: true, isDefault: true },
];
const scaleInput = (organizationId: string, extra: object = {}) => ({
  scaleId: "",
  organizationId,
  name: "Two levels",
  description: "",
  levels,
  ...extra,
});

describe("mastery admin actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await actions.saveScaleAction(scaleInput(s.school.id))).toMatchObject({ ok: false, code: "SESSION_ENDED" });
  });

  it("answer bad input with the field's message, never a 500", async () => {
    signedIn = s.admin;
    const result = await actions.saveScaleAction(scaleInput(s.school.id, { levels: levels.map((l) => ({ ...l, proficient: false })) }));
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { levels: ["Mark at least one level as proficient."] } });
    const policy = await actions.setPolicyAction({
      organizationId: s.school.id,
      frameworkId: "",
      scaleId: `scale_${s.district.id}`,
      method: { kind: "DECAYING_AVERAGE", weight: 20 },
    });
    expect(policy).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { "method.weight": [expect.stringContaining("from 50 to 99")] },
    });
  });

  it("answer tampered ids with 'not found' and change nothing", async () => {
    signedIn = s.admin;
    const district = `scale_${s.district.id}`;
    const otherDistrict = `scale_${s.other.id}`;
    const results = [
      await actions.saveScaleAction(scaleInput(s.schoolB.id)),
      await actions.saveScaleAction(scaleInput(s.otherSchool.id)),
      await actions.saveScaleAction(scaleInput(s.other.id, { scaleId: otherDistrict, version: 1 })),
      await actions.deleteScaleAction({ scaleId: otherDistrict, version: 1 }),
      await actions.setPolicyAction({ organizationId: s.schoolB.id, frameworkId: "", scaleId: district, method: { kind: "HIGHEST" } }),
      await actions.setPolicyAction({
        organizationId: s.otherSchool.id,
        frameworkId: "",
        scaleId: otherDistrict,
        method: { kind: "HIGHEST" },
      }),
      await actions.removePolicyAction({ policyId: `policy_${s.other.id}`, version: 1 }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    // The district's own scale: visible to a school admin, not theirs to change.
    expect(await actions.deleteScaleAction({ scaleId: district, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Counted in these districts only: other test files run at the same time on the same database.
    expect(
      await db.proficiencyScale.count({ where: { name: "Two levels", organization: { districtId: { in: [s.district.id, s.other.id] } } } }),
    ).toBe(0);
    expect(await db.masteryPolicy.count({ where: { organizationId: { in: [s.schoolB.id, s.otherSchool.id] } } })).toBe(0);
    expect(await db.masteryPolicy.findUniqueOrThrow({ where: { id: `policy_${s.other.id}` } })).toMatchObject({
      method: "MOST_RECENT",
      version: 1,
    });
  });

  it("let the school's admin create a scale and use it for their school", async () => {
    signedIn = s.admin;
    const created = await actions.saveScaleAction(scaleInput(s.school.id));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const set = await actions.setPolicyAction({
      organizationId: s.school.id,
      frameworkId: "",
      scaleId: created.data.id,
      method: { kind: "N_TIMES", n: 2 },
    });
    expect(set).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.school.id, frameworkId: null } })).toMatchObject({
      scaleId: created.data.id,
      method: "N_TIMES",
      parameter: 2,
    });
    // Another school admin's tampered scale id: their own school's scale is not usable by school B.
    signedIn = s.districtAdmin;
    const refused = await actions.setPolicyAction({
      organizationId: s.schoolB.id,
      frameworkId: "",
      scaleId: created.data.id,
      method: { kind: "HIGHEST" },
    });
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { scaleId: [expect.any(String)] } });
  });
});

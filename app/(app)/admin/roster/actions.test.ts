// The roster actions are public endpoints: replayed with tampered ids and by the wrong
// people, they change nothing and answer with stable codes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";
import { buildRoster, rosterFiles } from "@/test/roster/generate";
import { check, districtWithAdmin, uniquePrefix, zipFile } from "@/test/roster/helpers";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let files: Record<string, string>;

beforeAll(async () => {
  s = await makeSchool();
  files = rosterFiles(buildRoster({ students: 5, prefix: uniquePrefix() }));
});
beforeEach(() => {
  signedIn = null;
});

function upload(...parts: File[]) {
  const form = new FormData();
  for (const p of parts) form.append("files", p);
  return form;
}

describe("roster actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await actions.checkRosterAction(upload(zipFile(files)))).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect(await actions.applyRosterAction({ importId: "x" })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
  });

  it("check an upload for the district administrator and apply it", async () => {
    signedIn = s.districtAdmin;
    const checked = await actions.checkRosterAction(upload(zipFile(files)));
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.data.report.counts.people.created).toBeGreaterThan(0);
    const applied = await actions.applyRosterAction({ importId: checked.data.id });
    expect(applied).toMatchObject({ ok: true, data: { id: checked.data.id } });
    expect(await actions.applyRosterAction({ importId: checked.data.id })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("answer another district's import id with 'not found', and change nothing", async () => {
    const { admin } = await districtWithAdmin();
    const foreign = await check(admin, rosterFiles(buildRoster({ students: 3, prefix: uniquePrefix() })));
    signedIn = s.districtAdmin;
    const result = await actions.applyRosterAction({ importId: foreign.id });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("CHECKED");
  });

  it("forbid a school administrator, with a message to ask the district administrator", async () => {
    signedIn = s.admin;
    const before = await db.rosterImport.count();
    expect(await actions.checkRosterAction(upload(zipFile(files)))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringContaining("Ask your district administrator"),
    });
    expect(await db.rosterImport.count()).toBe(before);
    signedIn = await person(s.district, "TEACHER", "Tina Teacher");
    expect(await actions.applyRosterAction({ importId: "anything" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("return field errors for a missing or wrong file", async () => {
    signedIn = s.districtAdmin;
    expect(await actions.checkRosterAction(upload())).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { files: [expect.stringContaining("Choose")] },
    });
    expect(await actions.checkRosterAction(upload(new File(["a"], "roster.pdf")))).toMatchObject({
      ok: false,
      fieldErrors: { files: ["Choose a .zip file, or .csv files."] },
    });
    expect(await actions.applyRosterAction({ importId: "" })).toMatchObject({ ok: false, code: "INVALID" });
  });
});

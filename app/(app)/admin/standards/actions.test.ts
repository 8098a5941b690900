// The framework upload is a public endpoint: these tests post to it as a browser would,
// with a foreign or unadministered owner, a teacher's session and broken files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { importFrameworkAction } = await import("./actions");
const science = readFileSync(path.resolve(import.meta.dirname, "../../../../e2e/fixtures/pathways-test-science.json"), "utf8");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

function upload(organizationId: string, content: BlobPart = science, name = "science.json") {
  const form = new FormData();
  form.set("organizationId", organizationId);
  form.set("file", new File([content], name, { type: "application/json" }));
  return importFrameworkAction(form);
}
const frameworksOf = (...orgIds: string[]) => db.standardFramework.count({ where: { organizationId: { in: orgIds } } });

describe("importing a framework through the admin page", () => {
  it("refuses a signed-out caller", async () => {
    expect(await upload(s.district.id)).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect(await frameworksOf(s.district.id)).toBe(0);
  });

  it("answers an organization of another district with 'not found' and writes nothing", async () => {
    signedIn = s.districtAdmin;
    for (const org of [s.other.id, s.otherSchool.id]) {
      expect(await upload(org)).toMatchObject({ ok: false, code: "NOT_FOUND" });
      // A broken file changes nothing about that answer: the owner is checked first.
      expect(await upload(org, "{")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await frameworksOf(s.other.id, s.otherSchool.id)).toBe(0);
  });

  it("lets a school administrator import only for their school, and no teacher at all", async () => {
    signedIn = s.admin;
    expect(await upload(s.district.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await upload(s.schoolB.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.teacher;
    expect(await upload(s.school.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await frameworksOf(s.district.id, s.schoolB.id, s.school.id)).toBe(0);
    signedIn = s.admin;
    expect(await upload(s.school.id)).toMatchObject({ ok: true, data: { created: 6, framework: { created: true } } });
  });

  it("puts what is wrong with a bad file next to the file field, never a failure", async () => {
    signedIn = s.districtAdmin;
    const cases: [BlobPart, string, RegExp][] = [
      ["not json at all", "package.json", /not valid JSON/],
      [JSON.stringify({ hello: "world" }), "package.json", /not a CASE package/],
      [JSON.stringify({ CFDocument: { title: "No id" } }), "package.json", /identifier/],
      [science, "package.txt", /\.json file/],
      ["", "empty.json", /empty/],
      [new Uint8Array(10 * 1024 * 1024 + 1), "huge.json", /limit is 10 MB/],
    ];
    for (const [content, name, message] of cases) {
      const result = await upload(s.district.id, content, name);
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
      if (!result.ok) expect(result.fieldErrors?.file?.[0]).toMatch(message);
    }
    expect(await upload("", science)).toMatchObject({ ok: false, fieldErrors: { organizationId: [expect.any(String)] } });
    expect(await frameworksOf(s.district.id)).toBe(0);
  });

  it("reports the counts, and a second import of the same package changes nothing", async () => {
    signedIn = s.districtAdmin;
    const first = await upload(s.district.id);
    expect(first).toMatchObject({ ok: true, data: { created: 6, updated: 0, retired: 0, framework: { title: "Pathways Test Science" } } });
    const again = await upload(s.district.id);
    expect(again).toMatchObject({ ok: true, data: { created: 0, updated: 0, retired: 0, unchanged: 6, framework: { created: false } } });
  });
});

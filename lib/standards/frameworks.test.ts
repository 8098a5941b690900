// The admin pages' reads: which frameworks an administrator sees (and may re-import), who may
// import for whom, and a framework's tree one level at a time with retired items marked.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { importCasePackage } from "./case/import";
import { frameworkOwners, getFrameworkLevel, listFrameworks } from "./frameworks";

type Json = {
  CFDocument: { identifier: string; title: string };
  CFItems: { identifier: string; humanCodingScheme?: string }[];
  CFAssociations: { originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } }[];
};
const scienceText = readFileSync(path.resolve(import.meta.dirname, "../../e2e/fixtures/pathways-test-science.json"), "utf8");
function science(title: string): Json {
  const pkg = JSON.parse(scienceText) as Json;
  const old = pkg.CFDocument.identifier;
  pkg.CFDocument.identifier = randomUUID();
  pkg.CFDocument.title = title;
  for (const a of pkg.CFAssociations)
    if (a.destinationNodeURI.identifier === old) a.destinationNodeURI.identifier = pkg.CFDocument.identifier;
  return pkg;
}

let s: Awaited<ReturnType<typeof makeSchool>>;
const ids: Record<string, string> = {};
let retiring: Json;

beforeAll(async () => {
  s = await makeSchool();
  retiring = science("District science");
  ids.district = (await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: retiring })).framework.id;
  ids.school = (await importCasePackage(s.admin, { organizationId: s.school.id, json: science("School A science") })).framework.id;
  ids.schoolB = (
    await importCasePackage(s.districtAdmin, { organizationId: s.schoolB.id, json: science("School B science") })
  ).framework.id;
  ids.other = (
    await importCasePackage(s.otherAdmin, { organizationId: s.otherSchool.id, json: science("Elsewhere science") })
  ).framework.id;
  // PTS.2.2 dropped upstream: retired.
  const gone = retiring.CFItems.find((i) => i.humanCodingScheme === "PTS.2.2")!.identifier;
  retiring.CFItems = retiring.CFItems.filter((i) => i.identifier !== gone);
  retiring.CFAssociations = retiring.CFAssociations.filter((a) => a.originNodeURI.identifier !== gone);
  await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: retiring });
});

describe("frameworks on the admin pages", () => {
  it("shows a district admin the district's and every school's, with counts, all manageable", async () => {
    const { items } = await listFrameworks(s.districtAdmin);
    expect(items.map((f) => f.title).sort()).toEqual(["District science", "School A science", "School B science"]);
    expect(items.find((f) => f.id === ids.district)).toMatchObject({
      items: 5,
      retired: 1,
      manages: true,
      creator: "Pathways (test fixture)",
    });
    expect(items.every((f) => f.manages)).toBe(true);
    expect((await frameworkOwners(s.districtAdmin)).map((o) => o.id).sort()).toEqual([s.district.id, s.school.id, s.schoolB.id].sort());
  });

  it("shows a school admin the district's read-only and their school's, never another school's or district's", async () => {
    const { items } = await listFrameworks(s.admin);
    expect(items.map((f) => [f.title, f.manages])).toEqual([
      ["District science", false],
      ["School A science", true],
    ]);
    expect((await frameworkOwners(s.admin)).map((o) => o.id)).toEqual([s.school.id]);
    await expect(getFrameworkLevel(s.admin, ids.schoolB!)).rejects.toThrow(NotFoundError);
    await expect(getFrameworkLevel(s.admin, ids.other!)).rejects.toThrow(NotFoundError);
    expect((await listFrameworks(s.otherAdmin)).items.map((f) => f.title)).toEqual(["Elsewhere science"]);
  });

  it("is closed to teachers", async () => {
    await expect(listFrameworks(s.teacher)).rejects.toThrow(ForbiddenError);
    await expect(getFrameworkLevel(s.teacher, ids.school!)).rejects.toThrow(ForbiddenError);
  });

  it("shows the tree one level at a time, with the path, child counts and retired items marked", async () => {
    const top = await getFrameworkLevel(s.admin, ids.district!);
    expect(top.path).toEqual([]);
    expect(top.level.items.map((i) => [i.code, i.children])).toEqual([
      ["PTS.1", 2],
      ["PTS.2", 2],
    ]);
    const energy = top.level.items[1]!;
    const under = await getFrameworkLevel(s.admin, ids.district!, { parentId: energy.id });
    expect(under.path.map((n) => n.code)).toEqual(["PTS.2"]);
    expect(under.level.items.map((i) => [i.code, i.retired])).toEqual([
      ["PTS.2.1", false],
      ["PTS.2.2", true],
    ]);
    // A node of another framework is not a level of this one.
    const foreign = (await getFrameworkLevel(s.otherAdmin, ids.other!)).level.items[0]!;
    await expect(getFrameworkLevel(s.admin, ids.district!, { parentId: foreign.id })).rejects.toThrow(NotFoundError);
  });
});

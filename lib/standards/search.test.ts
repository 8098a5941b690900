// The goal editor's standard picker: search by code and by words, filters, keyset paging,
// browsing the tree, retired standards (never offered, kept where goals link them), and
// who sees what (a plan's school sees its district's and its own standards, nothing else).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createPlan, updatePlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { importCasePackage } from "./case/import";
import { pickerContext, searchStandards, type StandardHit } from "./queries";

type Json = {
  CFDocument: { identifier: string; title: string };
  CFItems: { identifier: string; humanCodingScheme?: string }[];
  CFAssociations: { originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } }[];
};

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const demoText = read("prisma/seed/case/ccss-math-grade7.json");
const scienceText = read("e2e/fixtures/pathways-test-science.json");

/** A package with a fresh document identifier (its own framework) and a title to tell it apart. */
function fresh(text: string, title?: string): Json {
  const pkg = JSON.parse(text) as Json;
  const old = pkg.CFDocument.identifier;
  pkg.CFDocument.identifier = randomUUID();
  if (title) pkg.CFDocument.title = title;
  for (const a of pkg.CFAssociations)
    if (a.destinationNodeURI.identifier === old) a.destinationNodeURI.identifier = pkg.CFDocument.identifier;
  return pkg;
}

let s: Awaited<ReturnType<typeof makeSchool>>;
let math: Json;
let mathId: string;
let scienceId: string;
const codes = (items: StandardHit[]) => items.map((i) => i.code);

beforeAll(async () => {
  s = await makeSchool();
  math = fresh(demoText);
  mathId = (await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: math })).framework.id;
  // The school's own science framework; and the same math package in another district.
  scienceId = (await importCasePackage(s.admin, { organizationId: s.school.id, json: fresh(scienceText) })).framework.id;
  await importCasePackage(s.otherAdmin, { organizationId: s.otherSchool.id, json: fresh(demoText, "Elsewhere math") });
});

describe("searching standards for a goal", () => {
  it("finds a standard by its code", async () => {
    const { items } = await searchStandards(s.teacher, { schoolId: s.school.id, q: "7.rp.a.2" });
    expect(items[0]).toMatchObject({ code: "7.RP.A.2", subject: "MATH", itemType: "Standard", gradeLevels: ["07"], retired: false });
    expect(items.every((i) => i.code.startsWith("7.RP.A.2"))).toBe(true);
    // Only this district's copy of the package.
    expect(items.filter((i) => i.code === "7.RP.A.2")).toHaveLength(1);
  });

  it("finds standards by words of their statement, every word counting", async () => {
    const { items } = await searchStandards(s.teacher, { schoolId: s.school.id, q: "Proportional   quantities" });
    expect(items.length).toBeGreaterThan(0);
    for (const i of items)
      expect(`${i.code} ${i.description}`.toLowerCase()).toMatch(/proportional[\s\S]*quantities|quantities[\s\S]*proportional/);
    expect(codes(items)).toContain("7.RP.A.2");
    expect((await searchStandards(s.teacher, { schoolId: s.school.id, q: "proportional photosynthesis" })).items).toEqual([]);
  });

  it("filters by subject, grade and framework; a framework alone opens at its top level", async () => {
    const science = await searchStandards(s.teacher, { schoolId: s.school.id, subject: "SCIENCE" });
    expect(codes(science.items)).toEqual(["PTS.1", "PTS.1.1", "PTS.1.2", "PTS.2", "PTS.2.1", "PTS.2.2"]);
    expect((await searchStandards(s.teacher, { schoolId: s.school.id, grade: "05", q: "7.RP" })).items).toEqual([]);
    const local = await searchStandards(s.teacher, { schoolId: s.school.id, frameworkId: "local" });
    expect(local.items.map((i) => i.id)).toEqual([s.standard.id]);
    const top = await searchStandards(s.teacher, { schoolId: s.school.id, frameworkId: mathId });
    expect(top.items.every((i) => i.itemType === "Domain" && i.children > 0)).toBe(true);
    expect(codes(top.items)[0]).toBe("7.RP");
    const words = await searchStandards(s.teacher, { schoolId: s.school.id, frameworkId: scienceId, q: "energy" });
    expect(codes(words.items)).toEqual(expect.arrayContaining(["PTS.2", "PTS.2.2"]));
    expect(words.items.every((i) => i.framework === "Pathways Test Science")).toBe(true);
  });

  it("pages by keyset, 20 at a time, without gaps or repeats", async () => {
    const all = await db.standard.findMany({
      where: { frameworkId: mathId },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await searchStandards(s.teacher, { schoolId: s.school.id, subject: "MATH", grade: "07", after });
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(Math.ceil(all.length / 20));
    expect(seen).toEqual(all.map((r) => r.id));
    await expect(searchStandards(s.teacher, { schoolId: s.school.id, after: "not-a-cursor" })).rejects.toThrow(/no longer there/);
  });

  it("browses the tree: a node's items in the framework's order", async () => {
    const domain = await db.standard.findFirstOrThrow({ where: { frameworkId: mathId, code: "7.RP" } });
    const clusters = await searchStandards(s.teacher, { schoolId: s.school.id, parentId: domain.id });
    expect(clusters.items.map((i) => i.itemType)).toEqual(clusters.items.map(() => "Cluster"));
    const cluster = clusters.items[0];
    if (!cluster) throw new Error("no cluster");
    const standards = await searchStandards(s.teacher, { schoolId: s.school.id, parentId: cluster.id });
    expect(codes(standards.items).slice(0, 3)).toEqual(["7.RP.A.1", "7.RP.A.2", "7.RP.A.3"]);
  });

  it("never offers a retired standard, but a goal that links it keeps it, shown retired, and the plan still saves", async () => {
    const pkg = fresh(demoText, "Retiring math");
    const { framework } = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    const doomed = await db.standard.findFirstOrThrow({ where: { frameworkId: framework.id, code: "7.RP.A.1" } });
    const plan = await createPlan(
      s.student,
      planInput({ goals: [{ ...planInput().goals[0]!, subject: "MATH", standardIds: [doomed.id, s.standard.id] }] }),
    );
    const gone = doomed.caseId;
    pkg.CFItems = pkg.CFItems.filter((i) => i.identifier !== gone);
    pkg.CFAssociations = pkg.CFAssociations.filter((a) => a.originNodeURI.identifier !== gone);
    expect(await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg })).toMatchObject({ retired: 1 });

    const found = await searchStandards(s.teacher, { schoolId: s.school.id, frameworkId: framework.id, q: "7.RP.A.1" });
    expect(codes(found.items)).not.toContain("7.RP.A.1");
    const cluster = await searchStandards(s.teacher, { schoolId: s.school.id, parentId: doomed.parentId! });
    expect(cluster.items.map((i) => i.id)).not.toContain(doomed.id);

    const context = await pickerContext(s.student, s.school.id, [doomed.id, s.standard.id]);
    expect(context.chosen).toEqual([
      expect.objectContaining({ id: doomed.id, code: "7.RP.A.1", retired: true }),
      expect.objectContaining({ id: s.standard.id, retired: false }),
    ]);
    const { version } = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    const goals = [{ ...planInput().goals[0]!, subject: "MATH" as const, title: "Still linked", standardIds: [doomed.id, s.standard.id] }];
    await expect(updatePlan(s.student, { planId: plan.id, version, plan: planInput({ goals }) })).resolves.toMatchObject({
      version: version + 1,
    });
    const links = await db.goalStandard.findMany({ where: { goal: { planId: plan.id } }, select: { standardId: true } });
    expect(links.map((l) => l.standardId).sort()).toEqual([doomed.id, s.standard.id].sort());
  });
});

describe("who sees which standards", () => {
  it("never returns another district's standards, by search or by browsing", async () => {
    const everything = await searchStandards(s.districtAdmin, { schoolId: s.school.id, q: "Elsewhere" });
    expect(everything.items).toEqual([]);
    const byCode = await searchStandards(s.teacher, { schoolId: s.school.id, q: "X.1" });
    expect(byCode.items.map((i) => i.id)).not.toContain(s.foreignStandard.id);
    const foreignDomain = await db.standard.findFirstOrThrow({ where: { organizationId: s.otherSchool.id, code: "7.RP" } });
    expect((await searchStandards(s.teacher, { schoolId: s.school.id, parentId: foreignDomain.id })).items).toEqual([]);
    // Nor can a school of another district be named.
    await expect(searchStandards(s.teacher, { schoolId: s.otherSchool.id, q: "7.RP" })).rejects.toThrow(NotFoundError);
    await expect(pickerContext(s.teacher, s.otherSchool.id)).rejects.toThrow(NotFoundError);
    const context = await pickerContext(s.teacher, s.school.id, [s.foreignStandard.id]);
    expect(context.chosen).toEqual([]);
    expect(context.frameworks.map((f) => f.title)).not.toContain("Elsewhere math");
  });

  it("keeps a school's own framework to that school", async () => {
    const mine = await searchStandards(s.teacher, { schoolId: s.school.id, q: "PTS.1.1" });
    expect(codes(mine.items)).toEqual(["PTS.1.1"]);
    const theirs = await searchStandards(s.teacherB, { schoolId: s.schoolB.id, q: "PTS.1.1" });
    expect(theirs.items).toEqual([]);
    expect((await pickerContext(s.teacherB, s.schoolB.id)).frameworks.map((f) => f.id)).not.toContain(scienceId);
    // A teacher of school B cannot search as school A either.
    await expect(searchStandards(s.teacherB, { schoolId: s.school.id, q: "PTS.1.1" })).rejects.toThrow(NotFoundError);
    // The district's frameworks reach every school.
    expect(codes((await searchStandards(s.teacherB, { schoolId: s.schoolB.id, q: "7.RP.A.2" })).items)).toContain("7.RP.A.2");
  });
});

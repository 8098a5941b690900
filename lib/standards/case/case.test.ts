// CASE import: parsing packages (the demo package, a real OpenSALT export, a tiny package
// full of edge cases, broken ones) and importing them into a real database: the tree,
// idempotent re-import, updates in place, retiring and returning, who may import.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { CasePackageError, COMMAND_LINE, importCasePackage } from "./import";
import { parseCasePackage, subjectOf, type CaseProblem } from "./parse";

type Json = Record<string, unknown> & {
  CFDocument: Record<string, unknown> & { identifier: string };
  CFItems: (Record<string, unknown> & { identifier: string; humanCodingScheme?: string; fullStatement?: string })[];
  CFAssociations: (Record<string, unknown> & { identifier: string; originNodeURI: { identifier: string } })[];
};

const root = path.resolve(import.meta.dirname, "../../..");
const demoText = readFileSync(path.join(root, "prisma/seed/case/ccss-math-grade7.json"), "utf8");
const openSaltText = readFileSync(path.join(import.meta.dirname, "fixtures/opensalt-what-standards-could-be.json"), "utf8");
const demo = (): Json => JSON.parse(demoText) as Json;

// The tiny package: a document, a domain with two standards (given out of order, with
// a string sequenceNumber), and the untidiness real packages have.
const DOC = "aaaaaaaa-0000-4000-8000-000000000000";
const DOMAIN = "aaaaaaaa-0000-4000-8000-000000000001";
const FIRST = "aaaaaaaa-0000-4000-8000-000000000002";
const SECOND = "aaaaaaaa-0000-4000-8000-000000000003";
const ORPHAN = "aaaaaaaa-0000-4000-8000-000000000004";
const NOWHERE = "aaaaaaaa-0000-4000-8000-00000000dead";
const ref = (identifier: string) => ({ identifier, title: "x", uri: `https://example.test/${identifier}` });
const childOf = (id: string, child: string, parent: string, sequenceNumber?: number | string) => ({
  identifier: id,
  associationType: "isChildOf",
  originNodeURI: ref(child),
  destinationNodeURI: ref(parent),
  ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
});
function tiny(): Json {
  return {
    CFDocument: { identifier: DOC, title: "Tiny Science", creator: "Test", subject: ["Science"], extra: { kept: "no" } },
    CFItems: [
      {
        identifier: SECOND,
        fullStatement: "Second\u0007 standard",
        humanCodingScheme: "T.1.2",
        CFItemType: "Standard",
        educationLevel: "05,06",
      },
      { identifier: FIRST, fullStatement: "First standard", humanCodingScheme: "T.1.1", CFItemTypeURI: { identifier: "type-std" } },
      { identifier: DOMAIN, fullStatement: "Matter", humanCodingScheme: "T.1", CFItemType: "Domain", subject: ["Mathematics"] },
      { identifier: ORPHAN, fullStatement: "Lost", humanCodingScheme: "T.9" },
    ],
    CFAssociations: [
      childOf("as-1", DOMAIN, DOC, 1),
      childOf("as-2", SECOND, DOMAIN, "2"),
      childOf("as-3", FIRST.toUpperCase(), DOMAIN, 1),
      childOf("as-3", FIRST, DOMAIN, 1),
      childOf("as-4", FIRST, DOC, 5),
      childOf("as-5", ORPHAN, NOWHERE),
      { identifier: "as-6", associationType: "exactMatchOf", originNodeURI: ref(FIRST), destinationNodeURI: ref(NOWHERE) },
    ],
    CFDefinitions: { CFItemTypes: [{ identifier: "type-std", title: "Standard" }] },
  };
}

const errorsOf = (problems: CaseProblem[]) => problems.filter((p) => p.severity === "error");

describe("parsing a CASE package", () => {
  it("reads the demo package as domains → clusters → standards, in order", () => {
    const parsed = parseCasePackage(demoText);
    expect(parsed.problems).toEqual([]);
    expect(parsed.document).toMatchObject({ title: "Common Core State Standards for Mathematics: Grade 7", subject: "Mathematics" });
    expect(parsed.items).toHaveLength(38);
    const byCode = new Map(parsed.items.map((i) => [i.code, i]));
    const top = parsed.items.filter((i) => i.parentCaseId === null);
    expect(top.map((i) => [i.code, i.position, i.itemType])).toEqual([
      ["7.RP", 1, "Domain"],
      ["7.NS", 2, "Domain"],
      ["7.EE", 3, "Domain"],
      ["7.G", 4, "Domain"],
      ["7.SP", 5, "Domain"],
    ]);
    const standards = parsed.items.filter((i) => i.itemType === "Standard").map((i) => i.code);
    expect(standards).toHaveLength(24);
    expect(standards.slice(0, 4)).toEqual(["7.RP.A.1", "7.RP.A.2", "7.RP.A.3", "7.NS.A.1"]);
    const sp8 = byCode.get("7.SP.C.8")!;
    expect(sp8).toMatchObject({ position: 4, gradeLevels: ["07"], subject: "MATH" });
    expect(sp8.description).toBe("Find probabilities of compound events using organized lists, tables, tree diagrams, and simulation.");
    expect(sp8.parentCaseId).toBe(byCode.get("7.SP.C")!.caseId);
    expect(byCode.get("7.SP.C")!.parentCaseId).toBe(byCode.get("7.SP")!.caseId);
  });

  it("reads a real OpenSALT export, untidy fields and all", () => {
    const parsed = parseCasePackage(openSaltText);
    expect(errorsOf(parsed.problems)).toEqual([]);
    expect(parsed.items).toHaveLength(16);
    const byCode = new Map(parsed.items.map((i) => [i.code, i]));
    expect(byCode.get("CCSS.Math.Content.7.RP.A.2")).toMatchObject({ itemType: "Standard", gradeLevels: ["07"], position: 2 });
    // Components ordered by listEnumeration "a." … "d." under their standard.
    const parts = parsed.items.filter((i) => i.parentCaseId === byCode.get("CCSS.Math.Content.7.RP.A.2")!.caseId);
    expect(parts.map((i) => [i.code, i.position])).toEqual([
      ["CCSS.Math.Content.7.RP.A.2a", 1],
      ["CCSS.Math.Content.7.RP.A.2b", 2],
      ["CCSS.Math.Content.7.RP.A.2c", 3],
      ["CCSS.Math.Content.7.RP.A.2d", 4],
    ]);
    expect(parsed.items.filter((i) => i.parentCaseId === null).map((i) => i.code)).toEqual([
      "CCSS.Math.Content.6.RP.A",
      "CCSS.Math.Content.7.RP.A",
    ]);
  });

  it("imports the untidiness of real packages with warnings naming the items", () => {
    const parsed = parseCasePackage({ CFPackage: tiny() });
    expect(errorsOf(parsed.problems)).toEqual([]);
    const byId = new Map(parsed.items.map((i) => [i.caseId, i]));
    expect(byId.get(FIRST)).toMatchObject({ parentCaseId: DOMAIN, position: 1, itemType: "Standard", subject: "SCIENCE" });
    expect(byId.get(SECOND)).toMatchObject({ position: 2, description: "Second standard", gradeLevels: ["05", "06"] });
    expect(byId.get(DOMAIN)).toMatchObject({ parentCaseId: null, subject: "MATH" });
    expect(byId.get(ORPHAN)).toMatchObject({ parentCaseId: null, position: 2 });
    const warnings = parsed.problems.map((p) => [p.identifier, p.message]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        [SECOND, expect.stringContaining("control characters")],
        ["as-3", expect.stringContaining("repeats a link")],
        [FIRST, expect.stringContaining("more than one parent")],
        [ORPHAN, expect.stringContaining(`child of ${NOWHERE}, which is not in this package`)],
      ]),
    );
    expect(parsed.problems.every((p) => p.severity === "warning")).toBe(true);
  });

  it("refuses broken packages with problems that name the items", () => {
    const cases: [string, unknown, string, string | undefined][] = [
      ["not JSON", "{ nope", "not valid JSON", undefined],
      ["no document", { CFItems: [] }, "no CFDocument", undefined],
      ["no items", { ...tiny(), CFItems: [] }, "no items", undefined],
      [
        "an item without identifier",
        { ...tiny(), CFItems: [...tiny().CFItems, { identifier: " ", humanCodingScheme: "T.X" }] },
        "CFItems[4] (T.X).identifier: has no identifier",
        undefined,
      ],
      [
        "a duplicate item",
        { ...tiny(), CFItems: [...tiny().CFItems, { identifier: FIRST.toUpperCase() }] },
        "appears more than once",
        FIRST,
      ],
      ["a cycle", { ...tiny(), CFAssociations: [childOf("c1", DOMAIN, FIRST), childOf("c2", FIRST, DOMAIN)] }, "part of a cycle", DOMAIN],
      [
        "a link without its identifier",
        {
          ...tiny(),
          CFAssociations: [{ identifier: "z", associationType: "isChildOf", originNodeURI: { uri: "x" }, destinationNodeURI: ref(DOC) }],
        },
        "CFAssociations[0].originNodeURI.identifier",
        "z",
      ],
    ];
    for (const [what, input, message, identifier] of cases) {
      const parsed = parseCasePackage(input);
      const errors = errorsOf(parsed.problems);
      expect(errors.length, what).toBeGreaterThan(0);
      expect(parsed.items, what).toEqual([]);
      expect(
        errors.some((e) => e.message.includes(message) && (!identifier || e.identifier === identifier)),
        `${what}: ${JSON.stringify(errors)}`,
      ).toBe(true);
    }
  });

  it("maps CASE subjects to ours", () => {
    expect(subjectOf(["English Language Arts"])).toBe("ELA");
    expect(subjectOf(["Mathematics"])).toBe("MATH");
    expect(subjectOf(["Visual Arts"])).toBe("ARTS");
    expect(subjectOf(["World Languages"])).toBe("WORLD_LANGUAGES");
    expect(subjectOf(["History–Social Science"])).toBe("SOCIAL_STUDIES");
    expect(subjectOf(["Physical Education"])).toBe("HEALTH_PE");
    expect(subjectOf(["Career Readiness"])).toBeNull();
  });
});

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const frameworkRows = (organizationId: string, caseId: string) =>
  db.standard.findMany({
    where: { frameworkRef: { organizationId, caseId } },
    orderBy: { createdAt: "asc" },
    select: { id: true, caseId: true, code: true, parentId: true, position: true, description: true, retiredAt: true, updatedAt: true },
  });

/** A package whose document identifier is fresh, so each test has its own framework. */
function freshDemo(): Json {
  const pkg = demo();
  const old = pkg.CFDocument.identifier;
  pkg.CFDocument.identifier = randomUUID();
  for (const a of pkg.CFAssociations) {
    const dest = a.destinationNodeURI as { identifier: string };
    if (dest.identifier === old) dest.identifier = pkg.CFDocument.identifier;
  }
  return pkg;
}

describe("importing a CASE package", () => {
  it("creates the framework and its tree: domain → cluster → standard", async () => {
    const pkg = freshDemo();
    const result = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: JSON.stringify(pkg) });
    expect(result).toMatchObject({ created: 38, updated: 0, retired: 0, unchanged: 0, problems: [] });
    expect(result.framework).toMatchObject({ caseId: pkg.CFDocument.identifier, created: true });
    const framework = await db.standardFramework.findUniqueOrThrow({ where: { id: result.framework.id } });
    expect(framework).toMatchObject({
      organizationId: s.district.id,
      title: "Common Core State Standards for Mathematics: Grade 7",
      subject: "Mathematics",
      version: "2010",
      adoptionStatus: "Adopted",
      language: "en",
    });
    const std = await db.standard.findFirstOrThrow({
      where: { frameworkId: framework.id, code: "7.RP.A.2" },
      include: { parent: { include: { parent: true } } },
    });
    expect(std).toMatchObject({
      organizationId: s.district.id,
      framework: framework.title,
      itemType: "Standard",
      position: 2,
      gradeLevels: ["07"],
      subject: "MATH",
      description: "Recognize and represent proportional relationships between quantities.",
      retiredAt: null,
    });
    expect(std.parent).toMatchObject({ code: "7.RP.A", itemType: "Cluster", position: 1 });
    expect(std.parent?.parent).toMatchObject({ code: "7.RP", itemType: "Domain", parentId: null, position: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: framework.id, action: "framework.import" } });
    expect(audit).toMatchObject({ organizationId: s.district.id, actorId: s.districtAdmin.id });
    expect(audit.detail).toMatchObject({ created: 38, updated: 0, retired: 0 });
  });

  it("changes nothing when the same package is imported again", async () => {
    const pkg = freshDemo();
    await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    const before = await frameworkRows(s.district.id, pkg.CFDocument.identifier);
    const again = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    expect(again).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: 38 });
    expect(again.framework.created).toBe(false);
    expect(await frameworkRows(s.district.id, pkg.CFDocument.identifier)).toEqual(before);
  });

  it("updates a changed statement and a moved item in place", async () => {
    const pkg = freshDemo();
    await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    const before = await frameworkRows(s.district.id, pkg.CFDocument.identifier);
    const item = pkg.CFItems.find((i) => i.humanCodingScheme === "7.EE.A.1")!;
    item.fullStatement = "Apply properties of operations (revised).";
    // 7.EE.A.2 moves from cluster 7.EE.A to 7.EE.B.
    const moved = pkg.CFItems.find((i) => i.humanCodingScheme === "7.EE.A.2")!;
    const clusterB = pkg.CFItems.find((i) => i.humanCodingScheme === "7.EE.B")!;
    const link = pkg.CFAssociations.find((a) => a.originNodeURI.identifier === moved.identifier)!;
    link.destinationNodeURI = ref(clusterB.identifier);
    link.sequenceNumber = 3;
    const result = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    expect(result).toMatchObject({ created: 0, updated: 2, retired: 0, unchanged: 36 });
    const after = await frameworkRows(s.district.id, pkg.CFDocument.identifier);
    // In place: the same rows (the moved item's place in the order may change).
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(after.find((r) => r.code === "7.EE.A.1")?.description).toBe("Apply properties of operations (revised).");
    const clusterRow = after.find((r) => r.code === "7.EE.B")!;
    expect(after.find((r) => r.code === "7.EE.A.2")).toMatchObject({ parentId: clusterRow.id, position: 3 });
  });

  it("retires an item removed upstream (a goal using it keeps it), and brings it back when it returns", async () => {
    const pkg = freshDemo();
    const first = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    const target = await db.standard.findFirstOrThrow({ where: { frameworkId: first.framework.id, code: "7.G.B.5" } });
    const goal = planInput().goals[0]!;
    const plan = await createPlan(s.student, planInput({ goals: [{ ...goal, subject: "MATH", standardIds: [target.id] }] }));

    const without = structuredClone(pkg);
    without.CFItems = without.CFItems.filter((i) => i.identifier !== target.caseId);
    without.CFAssociations = without.CFAssociations.filter((a) => a.originNodeURI.identifier !== target.caseId);
    const removed = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: without });
    expect(removed).toMatchObject({ created: 0, updated: 1, retired: 1, unchanged: 36 }); // 7.G.B.6 moves up to position 2
    const retired = await db.standard.findUniqueOrThrow({ where: { id: target.id } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(Math.abs(retired.retiredAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await db.goalStandard.count({ where: { standardId: target.id, goal: { planId: plan.id } } })).toBe(1);

    const stillGone = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: without });
    expect(stillGone).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: 37 });

    const back = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: pkg });
    expect(back).toMatchObject({ created: 0, updated: 2, retired: 0, unchanged: 36 });
    expect(await db.standard.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ retiredAt: null, position: 2 });
  });

  it("writes nothing for a broken package and says why", async () => {
    const pkg = freshDemo();
    const bad = { ...pkg, CFItems: [...pkg.CFItems, pkg.CFItems[3]!] };
    const counts = () => Promise.all([db.standardFramework.count(), db.standard.count(), db.auditEvent.count()]);
    const before = await counts();
    const error = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CasePackageError);
    const problems = (error as CasePackageError).problems;
    expect(problems.some((p) => p.severity === "error" && p.identifier === pkg.CFItems[3]!.identifier)).toBe(true);
    expect((error as CasePackageError).message).toContain("cannot be imported");
    expect((error as CasePackageError).fieldErrors.file?.length).toBeGreaterThan(0);
    await expect(importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: "[]" })).rejects.toThrow(/no CFDocument/);
    expect(await counts()).toEqual(before);
  });

  it("lets district admins import for the district and its schools, school admins only for their school", async () => {
    const json = freshDemo();
    const at = (actor: Actor, organizationId: string) => importCasePackage(actor, { organizationId, json });
    await expect(at(s.districtAdmin, s.schoolB.id)).resolves.toMatchObject({ created: 38 });
    await expect(at(s.admin, s.school.id)).resolves.toMatchObject({ created: 38 });
    await expect(at(s.admin, s.schoolB.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(at(s.admin, s.district.id)).rejects.toBeInstanceOf(ForbiddenError);
    for (const actor of [s.teacher, s.student, s.guardian, s.teacherB]) {
      await expect(at(actor, s.school.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(at(actor, s.district.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(at(s.otherAdmin, s.district.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(at(s.otherAdmin, s.school.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(at(s.districtAdmin, s.otherSchool.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(at(s.districtAdmin, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    // The school's framework and the district's (schoolB's) are separate copies.
    expect(await db.standardFramework.count({ where: { caseId: json.CFDocument.identifier } })).toBe(2);
    expect(await db.standard.count({ where: { frameworkRef: { caseId: json.CFDocument.identifier } } })).toBe(76);
  });

  it("keeps another district's framework of the same package separate", async () => {
    const json = freshDemo();
    const mine = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json });
    const theirs = await importCasePackage(s.otherAdmin, { organizationId: s.otherSchool.id, json });
    expect(theirs).toMatchObject({ created: 38 });
    expect(theirs.framework.id).not.toBe(mine.framework.id);
    const changed = structuredClone(json);
    changed.CFItems = changed.CFItems.slice(1);
    await importCasePackage(COMMAND_LINE, { organizationId: s.otherSchool.id, json: changed });
    expect(await db.standard.count({ where: { frameworkId: mine.framework.id, retiredAt: null } })).toBe(38);
    expect(await db.standard.count({ where: { frameworkId: theirs.framework.id, retiredAt: { not: null } } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: theirs.framework.id, action: "framework.import", actorId: null },
    });
    expect(audit.detail).toMatchObject({ via: "command line", retired: 1 });
  });

  it("imports the real OpenSALT package and the tiny one with their warnings", async () => {
    const real = await importCasePackage(COMMAND_LINE, { organizationId: s.school.id, json: openSaltText });
    expect(real).toMatchObject({ created: 16, updated: 0, retired: 0, unchanged: 0 });
    const cluster = await db.standard.findFirstOrThrow({
      where: { frameworkId: real.framework.id, code: "CCSS.Math.Content.7.RP.A" },
      select: { children: { orderBy: { position: "asc" }, select: { code: true } } },
    });
    expect(cluster.children.map((c) => c.code)).toEqual([
      "CCSS.Math.Content.7.RP.A.1",
      "CCSS.Math.Content.7.RP.A.2",
      "CCSS.Math.Content.7.RP.A.3",
    ]);
    const small = await importCasePackage(COMMAND_LINE, { organizationId: s.school.id, json: tiny() });
    expect(small).toMatchObject({ created: 4 });
    expect(small.problems.length).toBeGreaterThanOrEqual(4);
    expect(await importCasePackage(COMMAND_LINE, { organizationId: s.school.id, json: tiny() })).toMatchObject({ created: 0, updated: 0 });
  });

  it("imports a 5,000-item framework in seconds, and again with nothing to do", async () => {
    const docId = randomUUID();
    const items: Json["CFItems"] = [];
    const associations: Json["CFAssociations"] = [];
    // 10 domains × 10 clusters × 49 standards, and the 110 above them: 5,010 items.
    for (let d = 0; d < 10; d++) {
      const domain = randomUUID();
      items.push({ identifier: domain, fullStatement: `Domain ${d}`, humanCodingScheme: `G.${d}`, CFItemType: "Domain" });
      associations.push(childOf(randomUUID(), domain, docId, d + 1));
      for (let c = 0; c < 10; c++) {
        const cluster = randomUUID();
        items.push({ identifier: cluster, fullStatement: `Cluster ${d}.${c}`, humanCodingScheme: `G.${d}.${c}`, CFItemType: "Cluster" });
        associations.push(childOf(randomUUID(), cluster, domain, c + 1));
        for (let n = 0; n < 49; n++) {
          const id = randomUUID();
          items.push({
            identifier: id,
            fullStatement: `Standard ${d}.${c}.${n} `.repeat(8),
            humanCodingScheme: `G.${d}.${c}.${n}`,
            educationLevel: ["07"],
          });
          associations.push(childOf(randomUUID(), id, cluster, n + 1));
        }
      }
    }
    const json = JSON.stringify({
      CFDocument: { identifier: docId, title: "Big", subject: ["Math"] },
      CFItems: items,
      CFAssociations: associations,
    });
    expect(items.length).toBe(5010);

    let t = performance.now();
    const first = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json });
    const firstMs = performance.now() - t;
    expect(first.created).toBe(items.length);

    t = performance.now();
    const again = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json });
    const againMs = performance.now() - t;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: items.length });

    const edited = JSON.parse(json) as Json;
    for (const item of edited.CFItems.slice(0, 1000)) item.fullStatement = `${item.fullStatement} (edited)`;
    edited.CFItems = edited.CFItems.slice(0, 4500);
    t = performance.now();
    const changed = await importCasePackage(s.districtAdmin, { organizationId: s.district.id, json: edited });
    const changedMs = performance.now() - t;
    expect(changed).toMatchObject({ created: 0, updated: 1000, retired: 510 });

    console.log(
      `CASE import of ${items.length} items: first ${firstMs.toFixed(0)} ms, again ${againMs.toFixed(0)} ms, 1000 edited + 510 retired ${changedMs.toFixed(0)} ms`,
    );
    expect(firstMs).toBeLessThan(10_000);
    expect(againMs).toBeLessThan(5_000);
    const leaf = await db.standard.findFirstOrThrow({
      where: { frameworkId: first.framework.id, code: "G.9.9.48" },
      include: { parent: true },
    });
    expect(leaf).toMatchObject({ position: 49, parent: { code: "G.9.9" } });
  }, 60_000);
});

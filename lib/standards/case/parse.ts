// A CASE package, checked and turned into the tree an import writes: every item with its
// parent (from isChildOf associations), its place among its siblings, and everything it
// carries that Pathways keeps. Pure: no database. Never throws; what is wrong is reported.
//
// Errors make a package unimportable (nothing is written): no document, an item or link
// without an identifier, the same item twice, a cycle, no items. Warnings are the
// untidiness real packages have, imported with a note: a link to an item that is not in
// the package, an item with two parents or none, control characters in a statement.
import type { Subject } from "@/lib/generated/prisma/enums.ts";
import { cfPackageSchema, type CfItem, type CfPackage } from "./schemas";

export type CaseProblem = {
  severity: "error" | "warning";
  message: string;
  /** The CFItem (or CFAssociation) identifier the problem is about, when there is one. */
  identifier?: string;
};

export type CaseDocument = {
  caseId: string;
  title: string;
  creator: string;
  version: string;
  subject: string;
  adoptionStatus: string;
  language: string;
};

export type CaseItem = {
  caseId: string;
  /** The parent item's identifier; null at the top (a child of the document). */
  parentCaseId: string | null;
  /** 1-based place among its siblings. */
  position: number;
  code: string;
  itemType: string;
  gradeLevels: string[];
  description: string;
  subject: Subject;
};

export type ParsedCasePackage = {
  document: CaseDocument | null;
  /** Parents before their children, siblings in order. */
  items: CaseItem[];
  problems: CaseProblem[];
};

export const hasErrors = (problems: readonly CaseProblem[]) => problems.some((p) => p.severity === "error");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** UUIDs compare case-insensitively; other identifiers are kept exactly. */
const normalId = (id: string) => (UUID.test(id.trim()) ? id.trim().toLowerCase() : id.trim());

// C0 and C1 control characters, except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Our subject for a CASE subject's words (e.g. "Mathematics", "English Language Arts"). */
export function subjectOf(words: readonly string[]): Subject | null {
  for (const raw of words) {
    const w = raw.toLowerCase();
    // Language arts before arts, world languages before both.
    if (/world lang|foreign lang|spanish|french|german|chinese|mandarin|japanese|latin\b|american sign/.test(w)) return "WORLD_LANGUAGES";
    if (/english|language arts|\bela\b|literacy|reading|writing/.test(w)) return "ELA";
    if (/math/.test(w)) return "MATH";
    // Social studies before science: "History–Social Science".
    if (/social|history|civics|geograph|economics|government/.test(w)) return "SOCIAL_STUDIES";
    if (/science|biology|chemistry|physics|earth|engineering/.test(w)) return "SCIENCE";
    if (/health|physical education|\bpe\b|wellness/.test(w)) return "HEALTH_PE";
    if (/\barts?\b|music|dance|theat|visual|media arts/.test(w)) return "ARTS";
  }
  return null;
}

/** The JSON text of a package, or the parsed value; `CFPackage` wrappers (API responses) are unwrapped. */
function unwrap(input: unknown): { value: unknown } | { problem: string } {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      return { problem: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
    }
  }
  if (value && typeof value === "object" && "CFPackage" in value && !("CFDocument" in value)) value = value.CFPackage;
  if (!value || typeof value !== "object" || Array.isArray(value) || !("CFDocument" in value)) {
    return { problem: "This is not a CASE package: it has no CFDocument. Export the framework as a CASE 1.0 CFPackage (JSON)." };
  }
  return { value };
}

/** Where a schema issue is, named by the item's identifier or code when it has one. */
function schemaProblems(value: Record<string, unknown>, issues: readonly { path: PropertyKey[]; message: string }[]): CaseProblem[] {
  return issues.slice(0, 100).map((issue) => {
    const [list, index, ...rest] = issue.path;
    const entry = typeof index === "number" && Array.isArray(value[String(list)]) ? (value[String(list)] as unknown[])[index] : null;
    const known = entry && typeof entry === "object" ? (entry as Record<string, unknown>) : {};
    const id = typeof known.identifier === "string" && known.identifier.trim() ? known.identifier.trim() : undefined;
    const code = typeof known.humanCodingScheme === "string" ? known.humanCodingScheme : "";
    const where =
      typeof index === "number"
        ? `${String(list)}[${index}]${code ? ` (${code})` : ""}${rest.length ? `.${rest.join(".")}` : ""}`
        : issue.path.map(String).join(".") || "The package";
    return { severity: "error", message: `${where}: ${issue.message}`, identifier: id };
  });
}

/** Sort key among siblings: the association's sequenceNumber, else the item's listEnumeration ("1.", "b"). */
function orderOf(sequence: number | null, item: CfItem): number {
  if (sequence !== null) return sequence;
  const e = item.listEnumeration?.trim().replace(/[.)]$/, "") ?? "";
  if (/^\d+(\.\d+)?$/.test(e)) return Number(e);
  if (/^[a-z]$/i.test(e)) return e.toLowerCase().charCodeAt(0) - 96;
  return Number.POSITIVE_INFINITY;
}

export function parseCasePackage(input: unknown): ParsedCasePackage {
  const unwrapped = unwrap(input);
  if ("problem" in unwrapped) return { document: null, items: [], problems: [{ severity: "error", message: unwrapped.problem }] };
  const parsed = cfPackageSchema.safeParse(unwrapped.value);
  if (!parsed.success) {
    return { document: null, items: [], problems: schemaProblems(unwrapped.value as Record<string, unknown>, parsed.error.issues) };
  }
  return buildTree(parsed.data);
}

function buildTree(pkg: CfPackage): ParsedCasePackage {
  const problems: CaseProblem[] = [];
  const error = (message: string, identifier?: string) => problems.push({ severity: "error", message, identifier });
  const warn = (message: string, identifier?: string) => problems.push({ severity: "warning", message, identifier });
  const clean = (value: string | null | undefined, id: string) => {
    const s = (value ?? "").trim();
    const stripped = s.replace(CONTROL, "");
    if (stripped !== s) warn(`${id === docId ? "The document" : `Item ${id}`}: control characters were removed from its text.`, id);
    return stripped;
  };

  const doc = pkg.CFDocument;
  const docId = normalId(doc.identifier);
  const document: CaseDocument = {
    caseId: docId,
    title: clean(doc.title, docId),
    creator: clean(doc.creator, docId),
    version: clean(doc.version, docId),
    subject: doc.subject.join(", "),
    adoptionStatus: clean(doc.adoptionStatus, docId),
    language: clean(doc.language, docId),
  };
  const docSubject = subjectOf(doc.subject) ?? subjectOf([doc.title]);

  const typeTitles = new Map<string, string>();
  for (const t of [...(pkg.CFDefinitions?.CFItemTypes ?? []), ...(pkg.CFItemTypes ?? [])]) {
    if (t.title) typeTitles.set(normalId(t.identifier), t.title.trim());
  }

  const items = new Map<string, { raw: CfItem; index: number }>();
  (pkg.CFItems ?? []).forEach((raw, index) => {
    const id = normalId(raw.identifier);
    if (id === docId) error(`Item ${id} has the document's own identifier.`, id);
    else if (items.has(id)) error(`Item ${id} appears more than once in the package; each item needs its own identifier.`, id);
    else items.set(id, { raw, index });
  });
  if (!items.size) error("The package has no items (CFItems is empty), so there is nothing to import.");

  // Each item's parent: the first isChildOf whose destination is the document or another item.
  const parentOf = new Map<string, { parent: string | null; sequence: number | null }>();
  const seenAssociations = new Set<string>();
  const unknownParent = new Map<string, string>();
  for (const a of pkg.CFAssociations ?? []) {
    if (a.associationType.trim().toLowerCase() !== "ischildof") continue;
    const aid = normalId(a.identifier);
    const child = normalId(a.originNodeURI.identifier);
    const dest = normalId(a.destinationNodeURI.identifier);
    const key = `${child}>${dest}`;
    if (seenAssociations.has(key)) {
      warn(`Association ${aid} repeats a link already in the package; it was ignored.`, aid);
      continue;
    }
    seenAssociations.add(key);
    if (!items.has(child)) {
      warn(`Association ${aid} places ${child}, which is not an item in this package; it was ignored.`, aid);
      continue;
    }
    if (dest !== docId && !items.has(dest)) {
      unknownParent.set(child, dest);
      continue;
    }
    const parent = dest === docId ? null : dest;
    const existing = parentOf.get(child);
    if (existing) {
      if (existing.parent !== parent) warn(`Item ${child} has more than one parent; it was placed under the first.`, child);
      continue;
    }
    parentOf.set(child, { parent, sequence: a.sequenceNumber });
  }
  for (const id of items.keys()) {
    if (parentOf.has(id)) continue;
    const missing = unknownParent.get(id);
    warn(
      missing
        ? `Item ${id} is a child of ${missing}, which is not in this package; it was placed at the top.`
        : `Item ${id} has no parent (no isChildOf association); it was placed at the top.`,
      id,
    );
    parentOf.set(id, { parent: null, sequence: null });
  }

  // A cycle (an item its own ancestor) leaves its items with no way to the document.
  const state = new Map<string, "visiting" | "done">();
  const inCycle = new Set<string>();
  for (const start of items.keys()) {
    const path: string[] = [];
    let id: string | null = start;
    while (id && !state.has(id)) {
      state.set(id, "visiting");
      path.push(id);
      id = parentOf.get(id)?.parent ?? null;
    }
    if (id && state.get(id) === "visiting") path.slice(path.indexOf(id)).forEach((c) => inCycle.add(c));
    path.forEach((p) => state.set(p, "done"));
  }
  for (const id of inCycle) error(`Item ${id} is part of a cycle of isChildOf associations (it is its own ancestor).`, id);
  if (hasErrors(problems)) return { document, items: [], problems };

  // Siblings in order, then the tree top-down so parents come before their children.
  const children = new Map<string | null, string[]>();
  for (const [id, { parent }] of parentOf) {
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const out: CaseItem[] = [];
  const visit = (parent: string | null) => {
    const siblings = (children.get(parent) ?? [])
      .map((id) => ({ id, item: items.get(id)!, order: orderOf(parentOf.get(id)!.sequence, items.get(id)!.raw) }))
      .sort((a, b) => a.order - b.order || a.item.index - b.item.index);
    siblings.forEach(({ id, item: { raw } }, i) => {
      const description = clean(raw.fullStatement ?? raw.abbreviatedStatement, id);
      if (!description) warn(`Item ${id} has no fullStatement.`, id);
      const typeId = raw.CFItemTypeURI?.identifier ? normalId(raw.CFItemTypeURI.identifier) : null;
      out.push({
        caseId: id,
        parentCaseId: parent,
        position: i + 1,
        code: clean(raw.humanCodingScheme, id),
        itemType: clean(raw.CFItemType ?? (typeId && typeTitles.get(typeId)) ?? raw.CFItemTypeURI?.title, id),
        gradeLevels: raw.educationLevel.length ? raw.educationLevel : raw.educationalLevel,
        description,
        subject: subjectOf(raw.subject) ?? docSubject ?? "OTHER",
      });
      visit(id);
    });
  };
  visit(null);
  return { document, items: out, problems };
}

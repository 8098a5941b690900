// A disclosure entry in words: "Linh Nguyen opened Maya Chen's plan ‘Our river’". Pure: the
// names and titles are looked up once for a page's ids (lib/disclosure/queries.ts).
import { FORMER_MEMBER } from "@/lib/people/names";

export const NOT_SIGNED_IN = "Someone not signed in";
export const OTHER_DISTRICT = "Someone from another district";
export const UNKNOWN_STUDENT = "an unknown student";

export const ACTION_LABEL: Record<string, string> = {
  "plan.view": "Plan",
  "student.view": "Student page",
  "profile.view": "Learner profile",
  "progress.view": "Progress",
  "evidence.file": "Evidence file",
  "agreement.view": "Study agreement",
  "agreement.pdf": "Study agreement PDF",
  "record.view": "Learning record",
  "record.file": "Learning record file",
  "export.download": "Data export",
};

export type EntryFacts = {
  action: string;
  allowed: boolean;
  actorId: string | null;
  studentId: string | null;
  entityId: string;
};

/** What the page knows about the people and records its entries name. */
export type Lookup = {
  /** People of the viewer's district by id (a missing id: deleted, or from elsewhere). */
  people: ReadonlyMap<string, { name: string; districtId: string }>;
  /** The title of each record named (plan, evidence, learning record) by id. */
  titles: ReadonlyMap<string, string>;
  districtId: string;
};

/** Who read: their name, "Former member" when deleted, never a name from another district. */
export function whoText(actorId: string | null, lookup: Lookup): string {
  if (!actorId) return NOT_SIGNED_IN;
  const p = lookup.people.get(actorId);
  if (!p) return FORMER_MEMBER;
  return p.districtId === lookup.districtId ? p.name : OTHER_DISTRICT;
}

export function studentText(studentId: string | null, lookup: Lookup): string {
  if (!studentId) return UNKNOWN_STUDENT;
  const p = lookup.people.get(studentId);
  return p && p.districtId === lookup.districtId ? p.name : FORMER_MEMBER;
}

function quoted(title: string | undefined): string {
  return title ? ` ‘${title}’` : "";
}

/** What was read, as the object of "opened" or "was refused": "Maya Chen's plan ‘Our river’". */
export function objectText(e: EntryFacts, lookup: Lookup): string {
  const whose = e.studentId ? `${studentText(e.studentId, lookup)}'s` : "the";
  const title = quoted(lookup.titles.get(e.entityId));
  switch (e.action) {
    case "plan.view":
      return `${whose} plan${title}`;
    case "student.view":
      return `${whose} student page`;
    case "profile.view":
      return `${whose} learner profile`;
    case "progress.view":
      return `${whose} progress`;
    case "evidence.file":
      return `${whose} evidence file${title}`;
    case "agreement.view":
      return `${whose} study agreement${title ? ` for${title}` : ""}`;
    case "agreement.pdf":
      return `${whose} study agreement PDF${title ? ` for${title}` : ""}`;
    case "record.view":
      return `${whose} learning record${title}`;
    case "record.file":
      return `a file of ${whose} learning record${title}`;
    case "export.download":
      return `${whose} data export`;
    default:
      return `${whose} record (${e.action})`;
  }
}

/** The whole entry as a sentence. */
export function entryText(e: EntryFacts, lookup: Lookup): string {
  const verb = e.allowed ? (e.action === "agreement.pdf" || e.action === "export.download" ? "downloaded" : "opened") : "was refused";
  return `${whoText(e.actorId, lookup)} ${verb} ${objectText(e, lookup)}`;
}

// A disclosure entry in words: "Linh Nguyen opened Maya Chen's plan ‘Our river’". Pure: the
// names and titles are looked up once for a page's ids (lib/disclosure/queries.ts).
import { createTranslator } from "use-intl/core";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
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

/** Who, as data for a page that words it in the reader's language: a name, or which kind of "someone". */
export type PersonPart = { kind: "name"; name: string } | { kind: "notSignedIn" | "formerMember" | "otherDistrict" | "unknownStudent" };

/** The keys a family page words an entry with (its catalogue has one sentence per verb and one object per action). */
export const WORDED_ACTIONS = [
  "plan.view",
  "student.view",
  "profile.view",
  "progress.view",
  "evidence.file",
  "agreement.view",
  "agreement.pdf",
  "record.view",
  "record.file",
  "export.download",
] as const;
export type WordedAction = (typeof WORDED_ACTIONS)[number];

/** An entry's facts for wording elsewhere: the same choices entryText makes, without the English. */
export type EntryParts = {
  verb: "opened" | "downloaded" | "refused";
  who: PersonPart;
  /** Null when the entry names no student ("the plan"). */
  student: PersonPart | null;
  /** A known action, or null with the raw action kept for "record (x)". */
  action: WordedAction | null;
  rawAction: string;
  title: string | null;
};

function whoPart(actorId: string | null, lookup: Lookup): PersonPart {
  if (!actorId) return { kind: "notSignedIn" };
  const p = lookup.people.get(actorId);
  if (!p) return { kind: "formerMember" };
  return p.districtId === lookup.districtId ? { kind: "name", name: p.name } : { kind: "otherDistrict" };
}

function studentPart(studentId: string, lookup: Lookup): PersonPart {
  const p = lookup.people.get(studentId);
  return p && p.districtId === lookup.districtId ? { kind: "name", name: p.name } : { kind: "formerMember" };
}

export function entryParts(e: EntryFacts, lookup: Lookup): EntryParts {
  const known = (WORDED_ACTIONS as readonly string[]).includes(e.action) ? (e.action as WordedAction) : null;
  return {
    verb: e.allowed ? (e.action === "agreement.pdf" || e.action === "export.download" ? "downloaded" : "opened") : "refused",
    who: whoPart(e.actorId, lookup),
    student: e.studentId ? studentPart(e.studentId, lookup) : null,
    action: known,
    rawAction: e.action,
    title: lookup.titles.get(e.entityId) || null,
  };
}

// Catalogue keys cannot hold dots: one key per logged action.
const ACTION_KEY = {
  "plan.view": "planView",
  "student.view": "studentView",
  "profile.view": "profileView",
  "progress.view": "progressView",
  "evidence.file": "evidenceFile",
  "agreement.view": "agreementView",
  "agreement.pdf": "agreementPdf",
  "record.view": "recordView",
  "record.file": "recordFile",
  "export.download": "exportDownload",
} as const satisfies Record<WordedAction, string>;

/** The entry in the reader's language (family.access.entry); in English, the very sentence of entryText. */
export function wordEntry(parts: EntryParts, locale: Locale): string {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "family.access.entry" });
  const person = (p: PersonPart) => (p.kind === "name" ? p.name : t(`person.${p.kind}`));
  const agreement = parts.action === "agreement.view" || parts.action === "agreement.pdf";
  const title = parts.title ? t(agreement ? "forTitle" : "title", { title: parts.title }) : "";
  const key = parts.action ? ACTION_KEY[parts.action] : "other";
  const values = { title, action: parts.rawAction };
  const object = parts.student ? t(`of.${key}`, { ...values, student: person(parts.student) }) : t(`the.${key}`, values);
  return t(parts.verb, { who: person(parts.who), object });
}

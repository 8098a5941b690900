// Turning OneRoster cell values into what Pathways stores: lists, grade levels (CEDS
// codes), subjects (SCED codes or subject names, best effort), dates and emails.
import type { Subject } from "@/lib/generated/prisma/enums.ts";

/** A multi-valued cell ("org-1,org-2", quoted in the file) as its distinct values. */
export function list(cell: string | undefined): string[] {
  if (!cell) return [];
  return [...new Set(cell.split(",").map((v) => v.trim()))].filter(Boolean);
}

// CEDS grade levels. Pathways stores a number: kindergarten is 0, pre-kindergarten -1.
const GRADES: Record<string, number> = { IT: -1, PR: -1, PK: -1, TK: 0, KG: 0, K: 0 };
for (let g = 1; g <= 12; g++) {
  GRADES[String(g)] = g;
  GRADES[String(g).padStart(2, "0")] = g;
}

/** The first grade Pathways understands in a `grades` cell, or null (UG, PS, Other, blank). */
export function gradeLevel(cell: string | undefined): number | null {
  for (const code of list(cell)) {
    const level = GRADES[code.toUpperCase()];
    if (level !== undefined) return level;
  }
  return null;
}

// SCED course codes start with the subject area.
const SCED_AREA: Record<string, Subject> = {
  "01": "ELA",
  "02": "MATH",
  "03": "SCIENCE",
  "04": "SOCIAL_STUDIES",
  "05": "ARTS",
  "06": "WORLD_LANGUAGES",
  "08": "HEALTH_PE",
};

const SUBJECT_WORDS: [RegExp, Subject][] = [
  [/\b(english|ela|language arts|reading|literature|writing|literacy)\b/i, "ELA"],
  [/\b(math\w*|algebra|geometry|calculus|statistics|trigonometry)\b/i, "MATH"],
  [/\b(science|biology|chemistry|physics|earth|environmental|stem)\b/i, "SCIENCE"],
  [/\b(social studies|history|geography|civics|government|economics)\b/i, "SOCIAL_STUDIES"],
  [/\b(arts?|music|band|choir|orchestra|drama|theat(er|re)|dance|visual)\b/i, "ARTS"],
  [/\b(world languages?|foreign languages?|spanish|french|german|chinese|mandarin|japanese|latin|arabic|italian)\b/i, "WORLD_LANGUAGES"],
  [/\b(health|physical education|pe|fitness|wellness)\b/i, "HEALTH_PE"],
];

/** The Pathways subject of a course or class: from SCED codes first, then subject names, else OTHER. */
export function subjectOf(subjects: string | undefined, subjectCodes: string | undefined): Subject {
  for (const code of list(subjectCodes)) {
    const digits = code.replace(/\D/g, "");
    const area = digits.length >= 5 ? SCED_AREA[digits.slice(0, 2)] : undefined;
    if (area) return area;
  }
  for (const subject of list(subjects)) {
    const match = SUBJECT_WORDS.find(([re]) => re.test(subject));
    if (match) return match[1];
  }
  return "OTHER";
}

/** A YYYY-MM-DD calendar date, or null when the cell is not one. */
export function isoDate(cell: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cell)) return null;
  const d = new Date(`${cell}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(cell) ? cell : null;
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** The email as Pathways stores it (lower case), or null when it is not an email address. */
export function emailOf(cell: string): string | null {
  const email = cell.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

/** A person's name as Pathways shows it. */
export function nameOf(values: Readonly<Record<string, string>>): string {
  return [values.givenName, values.familyName].filter(Boolean).join(" ");
}

const DAY_MS = 86_400_000;

/**
 * Today and yesterday as YYYY-MM-DD in UTC, the way current() in lib/people/access.ts
 * compares enrollment dates: an enrollment whose last day is yesterday no longer counts.
 */
export function utcDays(now: Date): { today: string; yesterday: string } {
  const today = new Date(now);
  today.setUTCHours(0, 0, 0, 0);
  return { today: today.toISOString().slice(0, 10), yesterday: new Date(today.getTime() - DAY_MS).toISOString().slice(0, 10) };
}

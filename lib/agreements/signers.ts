// Who signs an agreement, and who still has to. The list is fixed when the agreement is sent:
// the student; a parent or guardian when the student is under 18 (any one linked guardian);
// the supervising teacher; everyone else who will directly assist.
import type { SignerRole } from "@/lib/generated/prisma/enums.ts";

export type SignerEntry = {
  role: SignerRole;
  /** How the entry reads on the agreement ("Parent or guardian", "Reading specialist"). */
  label: string;
  /** Any one of these people signs for the entry. */
  anyOf: { id: string; name: string }[];
};

export const SIGNER_ROLE_LABEL: Record<SignerRole, string> = {
  STUDENT: "Student",
  GUARDIAN: "Parent or guardian",
  TEACHER: "Supervising teacher",
  ASSISTANT: "Assisting",
};

/** 18 or over on `day` (YYYY-MM-DD); an unknown birth date counts as under 18. */
export function isAdult(birthDate: string | null, day: string): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split("-").map(Number);
  const [ty, tm, td] = day.split("-").map(Number);
  if ([y, m, d, ty, tm, td].some((n) => n === undefined || Number.isNaN(n))) return false;
  const age = ty! - y! - (tm! < m! || (tm === m && td! < d!) ? 1 : 0);
  return age >= 18;
}

export function signersFor(input: {
  student: { id: string; name: string };
  adult: boolean;
  guardians: { id: string; name: string }[];
  teacher: { id: string; name: string } | null;
  assistants: { id: string; name: string; role: string }[];
}): SignerEntry[] {
  const entries: SignerEntry[] = [{ role: "STUDENT", label: SIGNER_ROLE_LABEL.STUDENT, anyOf: [input.student] }];
  if (!input.adult) entries.push({ role: "GUARDIAN", label: SIGNER_ROLE_LABEL.GUARDIAN, anyOf: input.guardians });
  if (input.teacher) entries.push({ role: "TEACHER", label: SIGNER_ROLE_LABEL.TEACHER, anyOf: [input.teacher] });
  for (const a of input.assistants) entries.push({ role: "ASSISTANT", label: a.role, anyOf: [{ id: a.id, name: a.name }] });
  return entries;
}

export type Signed = { signerId: string | null; role: SignerRole; typedName: string; signedAt: Date };

/** Each entry with its signature (or null), and whether everyone has signed. */
export function signingStatus(entries: readonly SignerEntry[], signatures: readonly Signed[]) {
  const used = new Set<Signed>();
  const rows = entries.map((entry) => {
    const signature = signatures.find((s) => !used.has(s) && s.role === entry.role && entry.anyOf.some((p) => p.id === s.signerId)) ?? null;
    if (signature) used.add(signature);
    return { entry, signature };
  });
  return { rows, waiting: rows.filter((r) => !r.signature).map((r) => r.entry), complete: rows.every((r) => r.signature) };
}

/** The entries this person may still sign. */
export function toSignBy(personId: string, entries: readonly SignerEntry[], signatures: readonly Signed[]): SignerEntry[] {
  return signingStatus(entries, signatures).waiting.filter((e) => e.anyOf.some((p) => p.id === personId));
}

/** Typed names are compared without case, accents' forms or extra spaces. */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
  return norm(typed) === norm(name);
}

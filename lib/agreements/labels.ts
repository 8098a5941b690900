// The words the agreement's pages use for its stored values.
import type { AgreementStatus } from "@/lib/generated/prisma/enums.ts";
import type { RESOURCE_KINDS } from "./elements";

export const AGREEMENT_STATUS_LABEL: Record<AgreementStatus, string> = {
  DRAFT: "Draft",
  AWAITING_SIGNATURES: "Awaiting signatures",
  ACTIVE: "Active",
  ENDED: "Ended",
};

export const RESOURCE_KIND_LABEL: Record<(typeof RESOURCE_KINDS)[number], string> = {
  MATERIAL: "Material",
  RESOURCE: "Resource",
  PERSON: "Person",
};

/** Grades K–5 measure accomplishment in other ways than credits. */
export function isElementary(gradeLevel: number): boolean {
  return gradeLevel <= 5;
}

export function gradeName(gradeLevel: number): string {
  return gradeLevel <= 0 ? "Kindergarten" : `Grade ${gradeLevel}`;
}

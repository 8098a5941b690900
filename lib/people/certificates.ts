// Deletion certificates: the district's written record of what was removed, when and by whom.
// A district admin sees every certificate of the district; a school admin only those of the
// deletions they made themselves: a certificate names a student who is gone, and no longer says
// which school they were at, so nothing narrower than "theirs" can be shown to a school's admin
// (docs/decisions/deletion-and-retention.md). Nothing crosses a district.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { isDistrictAdmin } from "@/lib/mastery/admin-access";
import { keyset, type KeysetPage, type PageRequest } from "./listing";
import { certificatePdf } from "./certificate-pdf";

export const CERTIFICATE_PAGE = 25;

/** The certificates the actor may see. */
export function certificatesVisibleTo(actor: Actor): Prisma.DeletionCertificateWhereInput {
  requireAllowed(actor, "people:delete");
  return isDistrictAdmin(actor) ? { districtId: actor.districtId } : { districtId: actor.districtId, deletedById: actor.id };
}

const certificateSelect = {
  id: true,
  subjectRef: true,
  subjectName: true,
  subjectSourcedId: true,
  reason: true,
  removed: true,
  deletedByName: true,
  createdAt: true,
} as const;
export type Certificate = Prisma.DeletionCertificateGetPayload<{ select: typeof certificateSelect }>;

/** One page, newest first, by keyset (no count over the table). */
export async function listCertificates(actor: Actor, request: PageRequest = {}): Promise<KeysetPage<Certificate>> {
  const page = keyset("createdAt", request, { size: CERTIFICATE_PAGE, descending: true, date: true });
  const rows = await db.deletionCertificate.findMany({
    where: { AND: [certificatesVisibleTo(actor), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: certificateSelect,
  });
  return page.page(rows, (r) => r.createdAt);
}

/** One certificate; NotFoundError when it is not the actor's to see. */
export async function getCertificate(actor: Actor, id: string): Promise<Certificate> {
  const found = await db.deletionCertificate.findFirst({
    where: { AND: [certificatesVisibleTo(actor), { id }] },
    select: certificateSelect,
  });
  if (!found) throw new NotFoundError("That deletion certificate");
  return found;
}

/** The certificate as a PDF to file or send to the family. */
export async function certificatePdfFile(actor: Actor, id: string) {
  const certificate = await getCertificate(actor, id);
  const bytes = await certificatePdf(certificate);
  return { bytes, fileName: `deletion-certificate-${certificate.id}.pdf` };
}

import type { Metadata } from "next";
import Link from "next/link";
import { CertificateView } from "@/components/deletion/certificate-view";
import { FocusHeading } from "@/components/deletion/focus-heading";
import { buttonClass } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getCertificate } from "@/lib/people/certificates";

export const metadata: Metadata = { title: "Deletion certificate" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CertificatePage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const { id } = await params;
  const certificate = await orNotFound(getCertificate(actor, id));
  const justDeleted = (await searchParams).done === "deleted";
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <FocusHeading focus={justDeleted}>Deletion certificate: {certificate.subjectName}</FocusHeading>
          {justDeleted ? (
            <p role="status" className="text-sm text-emerald-900">
              {certificate.subjectName} was deleted. This certificate is kept under Deletions.
            </p>
          ) : null}
        </div>
        {/* A plain link: the file comes from a route handler, not a page. */}
        <a className={buttonClass("secondary")} href={`/api/deletions/${certificate.id}/pdf`} download>
          Download PDF
        </a>
      </div>
      <CertificateView certificate={certificate} />
      <p className="mt-8 text-sm">
        <Link href="/admin/deletions">All deletions</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AgreementDocument } from "@/components/agreements/agreement-document";
import { PrintButton } from "@/components/agreements/print-button";
import { getAgreementRevision } from "@/lib/agreements/queries";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements.print");
  return { title: t("metaTitle") };
}

// The app's header and navigation are not part of a printed agreement; nor are this page's links.
const PRINT_CSS = `@media print {
  body > header, body > a[href="#main"] { display: none !important; }
  body { background: white; }
  main#main { max-width: none; padding: 0; }
  @page { margin: 18mm; }
}`;

export default async function PrintAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ revision?: string | string[] }>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { revision } = await searchParams;
  let number: number | undefined;
  if (revision !== undefined) {
    number = Number(revision);
    if (!Number.isInteger(number) || number < 1 || number > 100_000) notFound();
  }
  const r = await orNotFound(getAgreementRevision(actor, id, number));
  const t = await getTranslations("agreements");

  return (
    <article aria-labelledby="print-title" className="mx-auto max-w-3xl space-y-6 bg-white p-4 sm:p-8 print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/plans/${r.planId}/agreement`}>{t("print.back")}</Link>
        <span className="flex flex-wrap items-center gap-3">
          <a href={`/plans/${r.planId}/agreement/pdf?revision=${r.number}`}>{t("print.pdf")}</a>
          <PrintButton />
        </span>
      </div>
      <header className="space-y-1 border-b border-slate-300 pb-4">
        <h1 id="print-title">{t("title")}</h1>
        <p className="text-sm text-slate-800">
          {t("print.line", { student: r.content.header.student.name, school: r.content.header.school.name, number: r.number })}
          {r.latest ? "" : t("print.earlierVersion")}
          {r.complete ? t("print.signedByEveryone") : t("print.notSignedByEveryone")}
        </p>
      </header>
      <AgreementDocument
        content={r.content}
        signing={r.signing}
        number={r.number}
        createdAt={r.createdAt}
        contentHash={r.contentHash}
        level={2}
        idPrefix="print"
      />
    </article>
  );
}

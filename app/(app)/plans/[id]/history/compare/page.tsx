import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RestoreButton, RevisionDiff } from "@/components/plans/revision-diff";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { compareRevisions, type RevisionComparison } from "@/lib/plans/history";
import { restoreRevisionAction } from "../../../history-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("compare.metaTitle") };
}

const versionParam = (raw: string | string[] | undefined) => {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : null;
};

export default async function CompareRevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getTranslations("plans"), getLocale()]);
  const { id } = await params;
  const query = await searchParams;
  const [from, to] = [versionParam(query.from), versionParam(query.to)];
  if (from === null || to === null) notFound();
  const c = await orNotFound(compareRevisions(actor, id, from, to));

  const side = (r: RevisionComparison["from"]) => (
    <Card key={r.number} aria-labelledby={`version-${r.number}`}>
      <h2 id={`version-${r.number}`} className="text-base">
        {t("page.version", { number: r.number })}
      </h2>
      <p className="text-sm text-slate-700">
        {t(`history.kind.${r.kind}`)} · {r.author} · <time dateTime={r.createdAt.toISOString()}>{formatTime(r.createdAt, locale)}</time>
      </p>
      {c.allowed.restore && r.number !== c.plan.latestRevision ? (
        <div className="mt-3">
          <RestoreButton planId={c.plan.id} version={c.plan.version} number={r.number} action={restoreRevisionAction} />
        </div>
      ) : null}
    </Card>
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${c.plan.id}/history`}>{t("compare.back")}</Link>
      </p>
      <PageHeader
        title={t("compare.title", { from: c.from.number, to: c.to.number })}
        description={t("compare.description", { title: c.plan.title, from: c.from.number, to: c.to.number })}
      />
      <div className="mb-6 grid gap-4 md:grid-cols-2">{[side(c.from), side(c.to)]}</div>
      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading">{t("compare.changes")}</h2>
        <RevisionDiff
          diff={c.diff}
          standards={c.standards}
          labels={[t("page.version", { number: c.from.number }), t("page.version", { number: c.to.number })]}
        />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RestoreButton } from "@/components/plans/revision-diff";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { pageNumber } from "@/lib/pagination";
import { listRevisions } from "@/lib/plans/history";
import { restoreRevisionAction } from "../../history-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("history.metaTitle") };
}

export default async function PlanHistoryPage({
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
  const history = await orNotFound(listRevisions(actor, id, { before: query.before ? pageNumber(query.before) : undefined }));
  const { plan, revisions } = history;
  const newest = revisions[0]?.number;
  const restored = query.restored && query.as ? { number: pageNumber(query.restored), as: pageNumber(query.as) } : null;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>{t("backToPlan")}</Link>
      </p>
      <PageHeader title={t("history.title", { title: plan.title })} description={t("history.description")} />
      {restored ? (
        <FocusedStatus className="mb-4">{t("history.restored", { number: restored.number, as: restored.as })}</FocusedStatus>
      ) : null}
      <form action={`/plans/${plan.id}/history/compare`} method="get" className="space-y-4">
        <Table
          caption={t("history.caption", { title: plan.title })}
          columns={[
            { label: t("history.columns.version") },
            { label: t("history.columns.what") },
            { label: t("history.columns.by") },
            { label: t("history.columns.when") },
            { label: t("history.columns.from") },
            { label: t("history.columns.to") },
            ...(history.allowed.restore ? [{ label: t("history.columns.restore") }] : []),
          ]}
        >
          {revisions.map((r, i) => (
            <tr key={r.number}>
              <td className="px-4 py-3 font-medium">{t("page.version", { number: r.number })}</td>
              <td className="px-4 py-3">{t(`history.kind.${r.kind}`)}</td>
              <td className="px-4 py-3">{r.author}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={r.createdAt.toISOString()}>{formatTime(r.createdAt, locale)}</time>
              </td>
              <td className="px-4 py-3">
                <input
                  type="radio"
                  name="from"
                  value={r.number}
                  defaultChecked={i === 1}
                  aria-label={t("history.compareFrom", { number: r.number })}
                />
              </td>
              <td className="px-4 py-3">
                <input
                  type="radio"
                  name="to"
                  value={r.number}
                  defaultChecked={i === 0}
                  aria-label={t("history.compareTo", { number: r.number })}
                />
              </td>
              {history.allowed.restore ? (
                <td className="px-4 py-3">
                  {r.number !== newest ? (
                    <RestoreButton planId={plan.id} version={plan.version} number={r.number} action={restoreRevisionAction} />
                  ) : (
                    <span className="text-slate-600">{t("history.current")}</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
        {revisions.length > 1 ? <Button type="submit">{t("history.compare")}</Button> : null}
      </form>
      {history.nextBefore ? (
        <p className="mt-4 text-sm">
          <Link href={`/plans/${plan.id}/history?before=${history.nextBefore}`}>{t("history.older")}</Link>
        </p>
      ) : null}
    </>
  );
}

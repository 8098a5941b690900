import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Plan history" };

export default async function PlanHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const history = await orNotFound(listRevisions(actor, id, { before: query.before ? pageNumber(query.before) : undefined }));
  const { plan, revisions } = history;
  const newest = revisions[0]?.number;
  const restored = query.restored && query.as ? { number: pageNumber(query.restored), as: pageNumber(query.as) } : null;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>← Back to the plan</Link>
      </p>
      <PageHeader
        title={`History of “${plan.title}”`}
        description="Every saved version of the plan, newest first. Choose two to see what changed between them."
      />
      {restored ? (
        <FocusedStatus className="mb-4">
          Version {restored.number} was restored as version {restored.as}. Every earlier version is still here.
        </FocusedStatus>
      ) : null}
      <form action={`/plans/${plan.id}/history/compare`} method="get" className="space-y-4">
        <Table
          caption={`Versions of ${plan.title}`}
          columns={[
            { label: "Version" },
            { label: "What happened" },
            { label: "By" },
            { label: "When" },
            { label: "Compare from" },
            { label: "Compare to" },
            ...(history.allowed.restore ? [{ label: "Restore" }] : []),
          ]}
        >
          {revisions.map((r, i) => (
            <tr key={r.number}>
              <td className="px-4 py-3 font-medium">Version {r.number}</td>
              <td className="px-4 py-3">{r.kindLabel}</td>
              <td className="px-4 py-3">{r.author}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={r.createdAt.toISOString()}>{formatTime(r.createdAt)}</time>
              </td>
              <td className="px-4 py-3">
                <input type="radio" name="from" value={r.number} defaultChecked={i === 1} aria-label={`Compare from version ${r.number}`} />
              </td>
              <td className="px-4 py-3">
                <input type="radio" name="to" value={r.number} defaultChecked={i === 0} aria-label={`Compare to version ${r.number}`} />
              </td>
              {history.allowed.restore ? (
                <td className="px-4 py-3">
                  {r.number !== newest ? (
                    <RestoreButton planId={plan.id} version={plan.version} number={r.number} action={restoreRevisionAction} />
                  ) : (
                    <span className="text-slate-600">The current version</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
        {revisions.length > 1 ? <Button type="submit">Compare the chosen versions</Button> : null}
      </form>
      {history.nextBefore ? (
        <p className="mt-4 text-sm">
          <Link href={`/plans/${plan.id}/history?before=${history.nextBefore}`}>Older versions →</Link>
        </p>
      ) : null}
    </>
  );
}

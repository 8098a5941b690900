import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DeleteDueForm } from "@/components/deletion/delete-due-form";
import { RetentionForm } from "@/components/deletion/retention-form";
import { RetentionResult, retentionOutcome } from "@/components/deletion/retention-result";
import { KeysetNav } from "@/components/people/keyset-nav";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { managesRetention } from "@/lib/retention/policy";
import { retentionOverview } from "@/lib/retention/queries";
import { deleteDueAction, setRetentionAction } from "./actions";

export const metadata: Metadata = { title: "Retention" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RetentionPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  // The district's period: its admins' page only.
  if (!managesRetention(actor)) forbidden();
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const { keepMonths, due } = await retentionOverview(actor, { after: one("after"), before: one("before") });
  // What the confirmation just did: outside the list's keyed form, which the refreshed list remounts.
  const outcome = retentionOutcome(one);
  const href = (cursor: { after: string } | { before: string }) => `/admin/retention?${new URLSearchParams(cursor)}`;
  return (
    <>
      <PageHeader
        title="Retention"
        description="How long the district keeps the records of students who left (who have no active role anywhere in it). Each day, district administrators are told when some are due; nothing is deleted until one of you confirms."
      />
      <div className="space-y-6">
        <Card aria-labelledby="period-heading" className="space-y-4">
          <h2 id="period-heading" className="text-lg font-semibold">
            Retention period
          </h2>
          <RetentionForm keepMonths={keepMonths} save={setRetentionAction} />
        </Card>
        <section aria-labelledby="due-heading" className="space-y-4">
          <h2 id="due-heading" className="text-lg font-semibold">
            Due for deletion
          </h2>
          {outcome ? <RetentionResult {...outcome} /> : null}
          {due === null ? (
            <EmptyState>No period is set, so nothing is ever due: records are kept until someone deletes them.</EmptyState>
          ) : due.items.length === 0 ? (
            <EmptyState>No student who left is past the period.</EmptyState>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                {due.items.length} {due.items.length === 1 ? "student" : "students"} on this page left more than {keepMonths}{" "}
                {keepMonths === 1 ? "month" : "months"} ago.
              </p>
              <Table caption="Students due for deletion" columns={[{ label: "Student" }, { label: "Roster id" }, { label: "Left" }]}>
                {due.items.map((s) => (
                  <tr key={s.id}>
                    <td className="px-4 py-3 font-medium">{s.name}</td>
                    <td className="px-4 py-3">{s.sourcedId ?? "—"}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatDay(s.leftAt)}</td>
                  </tr>
                ))}
              </Table>
              <KeysetNav previous={due.previous} next={due.next} href={href} />
              <Card aria-labelledby="confirm-heading" className="space-y-3">
                <h3 id="confirm-heading" className="text-base font-semibold">
                  Delete the students on this page
                </h3>
                <p className="text-sm text-slate-700">
                  Each is deleted with everything that is theirs, and gets a deletion certificate. Anyone who has come back since is kept.
                  This cannot be undone.
                </p>
                <DeleteDueForm key={due.items.map((s) => s.id).join()} studentIds={due.items.map((s) => s.id)} remove={deleteDueAction} />
              </Card>
            </>
          )}
        </section>
      </div>
    </>
  );
}

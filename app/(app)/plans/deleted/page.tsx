import type { Metadata } from "next";
import { DeletedPlans, type DeletedPlanItem } from "@/components/plans/deleted-plans";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import { pageNumber } from "@/lib/pagination";
import { PLAN_TYPE_LABEL } from "@/lib/plans/labels";
import { listDeletedPlans } from "@/lib/plans/trash";
import { restorePlanAction } from "../lifecycle-actions";

export const metadata: Metadata = { title: "Recently deleted" };

export default async function RecentlyDeletedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const params = await searchParams;
  const page = pageNumber(params.page);
  const deleted = await listDeletedPlans(actor, page);
  const items: DeletedPlanItem[] = deleted.items.map((p) => ({
    id: p.id,
    title: p.title,
    typeLabel: PLAN_TYPE_LABEL[p.type],
    deletedOn: formatTime(p.deletedAt),
    goneOn: formatDay(p.goneOn),
  }));
  // Only a plan of this student's own list is named: another id in the address shows nothing.
  const justDeleted = items.find((p) => p.id === params.deleted) ?? null;
  return (
    <>
      <PageHeader
        title="Recently deleted"
        description="Drafts you deleted in the last 30 days. Restore one to keep working on it; after 30 days it is gone for good."
      />
      <DeletedPlans plans={items} justDeleted={justDeleted} restore={restorePlanAction} />
      <Pagination page={deleted.page} pageCount={deleted.pageCount} href={(p) => `/plans/deleted?page=${p}`} />
    </>
  );
}

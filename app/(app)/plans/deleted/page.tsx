import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DeletedPlans, type DeletedPlanItem } from "@/components/plans/deleted-plans";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import { pageNumber } from "@/lib/pagination";
import { listDeletedPlans } from "@/lib/plans/trash";
import { restorePlanAction } from "../lifecycle-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("deleted.title") };
}

export default async function RecentlyDeletedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const [t, locale] = await Promise.all([getTranslations("plans"), getLocale()]);
  const params = await searchParams;
  const page = pageNumber(params.page);
  const deleted = await listDeletedPlans(actor, page);
  const items: DeletedPlanItem[] = deleted.items.map((p) => ({
    id: p.id,
    title: p.title,
    typeLabel: t(`type.${p.type}`),
    deletedOn: formatTime(p.deletedAt, locale),
    goneOn: formatDay(p.goneOn, locale),
  }));
  // Only a plan of this student's own list is named: another id in the address shows nothing.
  const justDeleted = items.find((p) => p.id === params.deleted) ?? null;
  return (
    <>
      <PageHeader title={t("deleted.title")} description={t("deleted.description")} />
      <DeletedPlans plans={items} justDeleted={justDeleted} restore={restorePlanAction} />
      <Pagination page={deleted.page} pageCount={deleted.pageCount} href={(p) => `/plans/deleted?page=${p}`} />
    </>
  );
}

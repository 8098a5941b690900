import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ChildSwitcher } from "@/components/family/child-switcher";
import { ComingUp } from "@/components/family/coming-up";
import { GrowthSummary } from "@/components/family/growth-summary";
import { NeedsYou } from "@/components/family/needs-you";
import { RecentFeedback } from "@/components/family/recent-feedback";
import { RecentRecords } from "@/components/family/recent-records";
import { PlanList } from "@/components/plans/plan-list";
import { EmptyState, PageHeader, Pagination } from "@/components/ui/layout";
import { currentActor, requireRole } from "@/lib/auth/session";
import { familyHome } from "@/lib/family/summary";
import { UPCOMING_DAYS } from "@/lib/family/upcoming";
import { orNotFound } from "@/lib/not-found";
import { pageNumber } from "@/lib/pagination";

type Search = Promise<Record<string, string | string[] | undefined>>;

function choice(search: Awaited<Search>) {
  const raw = search.child;
  const child = (Array.isArray(raw) ? raw[0] : raw) || null;
  return { child, page: pageNumber(search.page) };
}

// The title and the page read the same summary once per request.
const homeFor = cache(async (childId: string | null, page: number) => {
  const actor = await requireRole("GUARDIAN");
  return orNotFound(familyHome(actor, { childId: childId ?? undefined, page }));
});

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await getTranslations("family");
  const actor = await currentActor();
  if (actor?.acting.role !== "GUARDIAN") return { title: t("title") };
  const { child, page } = choice(await searchParams);
  const home = await homeFor(child, page);
  return { title: home.child ? t("childTitle", { name: home.child.name }) : t("title") };
}

export default async function FamilyHome({ searchParams }: { searchParams: Search }) {
  const { child: childId, page } = choice(await searchParams);
  const { children, child, summary } = await homeFor(childId, page);
  const t = await getTranslations("family");
  if (!child || !summary) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState>{t("noChildren")}</EmptyState>
      </>
    );
  }
  const first = child.name.split(" ")[0] ?? child.name;
  const here = (p: number) => `/family?child=${encodeURIComponent(child.id)}&page=${p}`;
  return (
    <>
      <PageHeader
        title={child.name}
        description={[child.gradeLevel ? t("grade", { grade: child.gradeLevel }) : null, t("description", { name: first })]
          .filter(Boolean)
          .join(" · ")}
      />
      <ChildSwitcher family={children} currentId={child.id} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <NeedsYou needs={summary.needs} childName={first} />
          <ComingUp dates={summary.upcoming} days={UPCOMING_DAYS} />
        </div>
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="mb-3">
            {t("plansHeading")}
          </h2>
          <PlanList
            plans={summary.plans.items}
            caption={t("plansCaption", { name: child.name })}
            empty={t("plansEmpty", { name: first })}
          />
          <Pagination page={summary.plans.page} pageCount={summary.plans.pageCount} href={here} />
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <GrowthSummary growth={summary.growth} studentId={child.id} childName={child.name} />
          <RecentFeedback items={summary.feedback} />
        </div>
        <RecentRecords records={summary.records} studentId={child.id} childName={child.name} />
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <li>
            <Link href={`/students/${child.id}`}>{t("childPage", { name: child.name })}</Link>
          </li>
          <li>
            <Link href={`/students/${child.id}/access`} aria-label={t("whoOpenedLabel", { name: child.name })}>
              {t("whoOpened")}
            </Link>
          </li>
        </ul>
      </div>
    </>
  );
}

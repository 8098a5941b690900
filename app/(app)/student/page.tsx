import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlanList } from "@/components/plans/plan-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { listPlans } from "@/lib/plans/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("student");
  return { title: t("title") };
}

export default async function StudentHome({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const t = await getTranslations("student");
  const page = pageNumber((await searchParams).page);
  const plans = await listPlans(actor, { page });
  return (
    <>
      <PageHeader
        title={t("greeting", { name: actor.name.split(" ")[0] ?? "" })}
        description={t("description")}
        actions={<ButtonLink href="/plans/new">{t("startPlan")}</ButtonLink>}
      />
      <h2 className="mb-3">{t("title")}</h2>
      <PlanList plans={plans.items} caption={t("title")} empty={t("empty")} />
      <Pagination page={plans.page} pageCount={plans.pageCount} href={(p) => `/student?page=${p}`} />
      <p className="mt-4 text-sm">
        <Link href="/plans/deleted">{t("deletedLink")}</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PlanList } from "@/components/plans/plan-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { listPlans } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "My plans" };

export default async function StudentHome({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const page = pageNumber((await searchParams).page);
  const plans = await listPlans(actor, { page });
  return (
    <>
      <PageHeader
        title={`Hi, ${actor.name.split(" ")[0]}`}
        description="Your learning plans. Draft a plan, submit it to your teacher, then add evidence as you learn."
        actions={<ButtonLink href="/plans/new">Start a new plan</ButtonLink>}
      />
      <h2 className="mb-3">My plans</h2>
      <PlanList plans={plans.items} caption="My plans" empty="You have no plans yet. Start one to set your goals." />
      <Pagination page={plans.page} pageCount={plans.pageCount} href={(p) => `/student?page=${p}`} />
      <p className="mt-4 text-sm">
        <Link href="/plans/deleted">Recently deleted drafts</Link>
      </p>
    </>
  );
}

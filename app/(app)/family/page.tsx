import type { Metadata } from "next";
import Link from "next/link";
import { PlanList } from "@/components/plans/plan-list";
import { EmptyState, PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { listChildren } from "@/lib/people/queries";
import { listPlans } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "My children" };

export default async function FamilyHome({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("GUARDIAN");
  const page = pageNumber((await searchParams).page);
  const [children, plans] = await Promise.all([listChildren(actor), listPlans(actor, { page })]);
  return (
    <>
      <PageHeader
        title="My children"
        description="Follow your child's learning plans, their teachers' feedback and their progress. Progress is the share of goals at Proficient or above."
      />
      {children.length === 0 ? (
        <EmptyState>No children are linked to your account yet. Ask the school office to link them.</EmptyState>
      ) : (
        <ul className="mb-8 flex flex-wrap gap-3">
          {children.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
              <Link href={`/students/${c.id}`} className="block">
                <span className="font-medium">{c.name}</span>
                {c.gradeLevel ? <span className="block text-xs text-slate-600">Grade {c.gradeLevel}</span> : null}
              </Link>
              <Link href={`/students/${c.id}/progress`} className="mt-1 block text-sm underline" aria-label={`Progress of ${c.name}`}>
                Progress
              </Link>
              <Link
                href={`/students/${c.id}/records`}
                className="mt-1 block text-sm underline"
                aria-label={`Learning records of ${c.name}`}
              >
                Learning records
              </Link>
              <Link
                href={`/students/${c.id}/access`}
                className="mt-1 block text-sm underline"
                aria-label={`Who opened records of ${c.name}`}
              >
                Who opened records
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-3">Plans</h2>
      <PlanList plans={plans.items} showStudent caption="My children's plans" empty="No plans yet." />
      <Pagination page={plans.page} pageCount={plans.pageCount} href={(p) => `/family?page=${p}`} />
    </>
  );
}

import type { Metadata } from "next";
import { PlanList } from "@/components/plans/plan-list";
import { KeysetNav } from "@/components/people/keyset-nav";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { organizationOverview } from "@/lib/people/queries";
import { STATUS_LABEL } from "@/lib/plans/labels";
import { listOrganizationPlans } from "@/lib/plans/queries";
import type { PlanStatus } from "@/lib/generated/prisma/enums.ts";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  // The numbers come from maintained counts and the plan list pages by keyset: nothing here counts the district.
  const [overview, plans] = await Promise.all([
    organizationOverview(actor),
    listOrganizationPlans(actor, { after: one("after"), before: one("before") }),
  ]);
  const href = (cursor: { after: string } | { before: string }) => `/admin?${new URLSearchParams(cursor)}#plans-list`;
  const people = [
    ["Students", overview.people.STUDENT ?? 0],
    ["Teachers", overview.people.TEACHER ?? 0],
    ["Parents / guardians", overview.people.GUARDIAN ?? 0],
    ["Classes", overview.classes],
  ] as const;
  return (
    <>
      <PageHeader
        title={overview.organization.name}
        description={
          overview.organization.type === "DISTRICT"
            ? `A district of ${overview.schools.length} ${overview.schools.length === 1 ? "school" : "schools"}: ${overview.schools.map((s) => s.name).join(", ")}. ${overview.mastery}`
            : overview.mastery
        }
      />
      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="people-heading">
          <h2 id="people-heading" className="mb-3">
            People
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            {people.map(([label, n]) => (
              <div key={label}>
                <dt className="text-slate-700">{label}</dt>
                <dd className="text-2xl font-semibold">{n}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="mb-3">
            Plans by status
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            {(Object.keys(STATUS_LABEL) as PlanStatus[]).map((s) => (
              <div key={s}>
                <dt className="text-slate-700">{STATUS_LABEL[s]}</dt>
                <dd className="text-2xl font-semibold">{overview.plans[s] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      <h2 id="plans-list" className="mb-3">
        All plans
      </h2>
      <PlanList
        plans={plans.items}
        showStudent
        caption={overview.organization.type === "DISTRICT" ? "All plans in the district" : "All plans in the school"}
        empty="No plans yet."
      />
      <KeysetNav previous={plans.previous} next={plans.next} href={href} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PlanForm } from "@/components/plans/plan-form";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getPlan, planFormValues } from "@/lib/plans/queries";
import { listStandards } from "@/lib/standards/queries";
import { updatePlanAction } from "../../actions";

export const metadata: Metadata = { title: "Edit plan" };

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const plan = await orNotFound(getPlan(actor, id));
  if (!plan.allowed.edit) forbidden();
  const standards = await listStandards(actor, plan.schoolId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>← Back to the plan</Link>
      </p>
      <PageHeader title={`Edit “${plan.title}”`} />
      <PlanForm
        update={updatePlanAction}
        standards={standards}
        plan={{ id: plan.id, version: plan.version }}
        initial={planFormValues(plan)}
      />
    </>
  );
}

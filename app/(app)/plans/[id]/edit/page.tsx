import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PlanForm } from "@/components/plans/plan-form";
import { TemplateLink } from "@/components/plans/template-link";
import { ProfileAside } from "@/components/profiles/profile-aside";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getPlan, planFormValues } from "@/lib/plans/queries";
import { getProfileForPlan } from "@/lib/profiles/queries";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { planTemplateLink } from "@/lib/templates/queries";
import { unlinkTemplateAction } from "../../../templates/actions";
import { updatePlanAction } from "../../actions";

export const metadata: Metadata = { title: "Edit plan" };

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const plan = await orNotFound(getPlan(actor, id));
  if (!plan.allowed.edit) forbidden();
  const initial = planFormValues(plan);
  const [picker, profile] = await Promise.all([
    pickerContext(actor, plan.schoolId, linkedStandardIds(initial.goals)),
    getProfileForPlan(actor, plan.id),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>← Back to the plan</Link>
      </p>
      <PageHeader title={`Edit “${plan.title}”`} />
      <div className="mb-6">
        <TemplateLink link={{ ...(await planTemplateLink(actor, plan.id)), maySaveAsTemplate: false }} unlink={unlinkTemplateAction} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <PlanForm
          update={updatePlanAction}
          picker={picker}
          suggestions={
            profile
              ? {
                  ...profile.profile.suggestions,
                  heading: profile.isOwner ? "Suggested from your profile" : `Suggested from ${profile.name}’s profile`,
                }
              : undefined
          }
          plan={{ id: plan.id, version: plan.version }}
          initial={initial}
        />
        {profile ? (
          <ProfileAside profile={profile.profile} name={profile.name} studentId={profile.studentId} own={profile.isOwner} />
        ) : null}
      </div>
    </>
  );
}

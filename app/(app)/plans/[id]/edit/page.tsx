import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("edit.metaTitle") };
}

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations("plans");
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
        <Link href={`/plans/${plan.id}`}>{t("backToPlan")}</Link>
      </p>
      <PageHeader title={t("edit.title", { title: plan.title })} />
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
                  heading: profile.isOwner ? t("form.suggestedFromYourProfile") : t("form.suggestedFromProfileOf", { name: profile.name }),
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

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/plan-form";
import { EMPTY_GOAL } from "@/lib/plans/schemas";
import { ProfileAside } from "@/components/profiles/profile-aside";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { getStudentForNewPlan } from "@/lib/plans/for-student";
import { getProfileSummary } from "@/lib/profiles/queries";
import { pickerContext } from "@/lib/standards/queries";
import { createPlanForStudentAction } from "../../../../plans/lifecycle-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("family.newPlan");
  return { title: t("metaTitle") };
}

/** A teacher starts a plan for a student they teach; the student owns it from the start. */
export default async function NewPlanForStudentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const student = await orNotFound(getStudentForNewPlan(actor, id));
  const [picker, profile] = await Promise.all([pickerContext(actor, student.schoolId), getProfileSummary(actor, student.id)]);
  const t = await getTranslations("family.newPlan");
  const today = new Date();
  const in8Weeks = new Date(today.getTime() + 56 * 86_400_000);
  return (
    <>
      <PageHeader title={t("title", { name: student.name })} description={t("description", { name: student.name })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <PlanForm
          create={createPlanForStudentAction.bind(null, student.id)}
          picker={picker}
          suggestions={profile ? { ...profile.profile.suggestions, heading: t("suggestions", { name: student.name }) } : undefined}
          initial={{
            title: "",
            type: "PERSONALIZED",
            summary: "",
            startsOn: isoDay(today),
            endsOn: isoDay(in8Weeks),
            goals: [{ ...EMPTY_GOAL }],
          }}
        />
        {profile ? <ProfileAside profile={profile.profile} name={profile.name} studentId={profile.studentId} /> : null}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/plans/plan-form";
import { EMPTY_GOAL } from "@/lib/plans/schemas";
import { ProfileAside } from "@/components/profiles/profile-aside";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { isoDay } from "@/lib/dates";
import { getProfileSummary } from "@/lib/profiles/queries";
import { pickerContext } from "@/lib/standards/queries";
import { createPlanAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("new.metaTitle") };
}

export default async function NewPlanPage() {
  const actor = await requireRole("STUDENT");
  const t = await getTranslations("plans");
  const [picker, mine] = await Promise.all([pickerContext(actor, actor.acting.organizationId), getProfileSummary(actor, actor.id)]);
  const today = new Date();
  const in8Weeks = new Date(today.getTime() + 56 * 86_400_000);
  return (
    <>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <PlanForm
          create={createPlanAction}
          picker={picker}
          suggestions={mine ? { ...mine.profile.suggestions, heading: t("form.suggestedFromYourProfile") } : undefined}
          initial={{
            title: "",
            type: "PERSONALIZED",
            summary: "",
            startsOn: isoDay(today),
            endsOn: isoDay(in8Weeks),
            goals: [{ ...EMPTY_GOAL }],
          }}
        />
        {mine ? <ProfileAside profile={mine.profile} name={mine.name} studentId={mine.studentId} own /> : null}
      </div>
    </>
  );
}

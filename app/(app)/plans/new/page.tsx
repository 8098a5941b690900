import type { Metadata } from "next";
import { PlanForm } from "@/components/plans/plan-form";
import { EMPTY_GOAL } from "@/lib/plans/schemas";
import { ProfileAside } from "@/components/profiles/profile-aside";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { isoDay } from "@/lib/dates";
import { getProfileSummary } from "@/lib/profiles/queries";
import { pickerContext } from "@/lib/standards/queries";
import { createPlanAction } from "../actions";

export const metadata: Metadata = { title: "New plan" };

export default async function NewPlanPage() {
  const actor = await requireRole("STUDENT");
  const [picker, mine] = await Promise.all([pickerContext(actor, actor.acting.organizationId), getProfileSummary(actor, actor.id)]);
  const today = new Date();
  const in8Weeks = new Date(today.getTime() + 56 * 86_400_000);
  return (
    <>
      <PageHeader
        title="Start a new plan"
        description="Set your goals. You can save a draft and come back to it before you submit it to your teacher."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <PlanForm
          create={createPlanAction}
          picker={picker}
          suggestions={mine ? { ...mine.profile.suggestions, heading: "Suggested from your profile" } : undefined}
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

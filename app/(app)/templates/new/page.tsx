import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TemplateForm } from "@/components/templates/template-form";
import { EMPTY_TEMPLATE_GOAL } from "@/lib/templates/schemas";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { mayCreateTemplates, templateValuesFromPlan } from "@/lib/templates/queries";
import type { TemplateFormInput } from "@/lib/templates/schemas";
import { createTemplateAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("new.title") };
}

const BLANK: TemplateFormInput = { name: "", type: "PERSONALIZED", description: "", goals: [{ ...EMPTY_TEMPLATE_GOAL }] };

export default async function NewTemplatePage({ searchParams }: { searchParams: Promise<{ fromPlan?: string | string[] }> }) {
  const actor = await requireActor();
  const t = await getTranslations("templates");
  if (!mayCreateTemplates(actor)) forbidden();
  const { fromPlan } = await searchParams;
  const planId = Array.isArray(fromPlan) ? fromPlan[0] : fromPlan;
  const initial = planId ? await orNotFound(templateValuesFromPlan(actor, planId)) : BLANK;
  const picker = await pickerContext(actor, actor.acting.organizationId, linkedStandardIds(initial.goals));
  return (
    <>
      <PageHeader
        title={planId ? t("new.fromPlan", { name: initial.name }) : t("new.title")}
        description={
          actor.acting.role === "ADMIN" && actor.acting.organizationType === "DISTRICT"
            ? t("new.districtShared")
            : actor.acting.role === "TEACHER" || actor.acting.role === "ADMIN"
              ? t("new.sharedWith", { organization: actor.acting.organizationName })
              : t("new.sharedWithYourSchool")
        }
      />
      <TemplateForm create={createTemplateAction} picker={picker} initial={initial} />
    </>
  );
}

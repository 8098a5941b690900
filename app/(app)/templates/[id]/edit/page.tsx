import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TemplateForm } from "@/components/templates/template-form";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { getTemplate, templateFormValues } from "@/lib/templates/queries";
import { updateTemplateAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("edit.metaTitle") };
}

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations("templates");
  const { id } = await params;
  const template = await orNotFound(getTemplate(actor, id));
  if (!template.allowed.manage) forbidden();
  const initial = templateFormValues(template);
  const picker = await pickerContext(actor, template.organizationId, linkedStandardIds(initial.goals));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/templates/${template.id}`}>{t("edit.back")}</Link>
      </p>
      <PageHeader title={t("edit.title", { name: template.name })} description={t("edit.description")} />
      <TemplateForm
        update={updateTemplateAction}
        picker={picker}
        template={{ id: template.id, version: template.version }}
        initial={initial}
      />
    </>
  );
}

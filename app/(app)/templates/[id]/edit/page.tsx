import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { TemplateForm } from "@/components/templates/template-form";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { getTemplate, templateFormValues } from "@/lib/templates/queries";
import { updateTemplateAction } from "../../actions";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const template = await orNotFound(getTemplate(actor, id));
  if (!template.allowed.manage) forbidden();
  const initial = templateFormValues(template);
  const picker = await pickerContext(actor, template.organizationId, linkedStandardIds(initial.goals));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/templates/${template.id}`}>← Back to the template</Link>
      </p>
      <PageHeader
        title={`Edit “${template.name}”`}
        description="Linked plans still in draft (or with changes requested) and without evidence take the changes; plans further along are left as they are."
      />
      <TemplateForm
        update={updateTemplateAction}
        picker={picker}
        template={{ id: template.id, version: template.version }}
        initial={initial}
      />
    </>
  );
}

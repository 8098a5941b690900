import Link from "next/link";
import { useTranslations } from "next-intl";
import { TemplateNotice } from "@/components/templates/template-notice";
import type { ServerAction } from "@/lib/errors";
import type { PlanTemplateLink } from "@/lib/templates/queries";

/**
 * What a plan's page says about templates: the one the plan follows (with Unlink) or came
 * from, and "Save as template" for teachers and admins.
 */
export function TemplateLink({ link, unlink }: { link: PlanTemplateLink; unlink: ServerAction<{ planId: string }, null> }) {
  const t = useTranslations("plans.templateLink");
  const { template } = link;
  if (!template && !link.maySaveAsTemplate) return null;
  return (
    <aside aria-label={t("label")} className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50 p-4 text-sm">
      {template ? (
        <TemplateNotice planId={link.planId} linked={link.linked} mayUnlink={link.mayUnlink} unlink={unlink}>
          {template.visible ? (
            <Link href={`/templates/${template.id}`} className="font-semibold underline">
              {template.name}
            </Link>
          ) : (
            <>{t("quoted", { name: template.name })}</>
          )}
        </TemplateNotice>
      ) : null}
      {link.maySaveAsTemplate ? (
        <p>
          <Link href={`/templates/new?fromPlan=${encodeURIComponent(link.planId)}`}>{t("saveAsTemplate")}</Link>
        </p>
      ) : null}
    </aside>
  );
}

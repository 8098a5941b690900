// The plan page's family acknowledgment: a guardian acknowledges the version in force or sees
// when they did; the student's teachers and admins see who acknowledged which version, when.
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { formatTime } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { Acknowledged, PlanAcknowledgments } from "@/lib/plans/acknowledgment";
import type { AcknowledgePlanInput } from "@/lib/plans/acknowledgment-schemas";
import { AcknowledgeButton } from "./acknowledge-button";

export function PlanAcknowledgmentsSection({
  acknowledgments,
  action,
}: {
  acknowledgments: PlanAcknowledgments | null;
  action: ServerAction<AcknowledgePlanInput, Acknowledged>;
}) {
  const t = useTranslations("family.acknowledgment");
  const locale = useLocale();
  if (!acknowledgments) return null;
  const { guardian, all, currentVersion, planId } = acknowledgments;
  const latest = guardian?.latest;
  return (
    <Card id="acknowledge" aria-labelledby="acknowledge-heading">
      <h2 id="acknowledge-heading" className="mb-3">
        {t("heading")}
      </h2>
      <div className="space-y-4">
        {guardian ? (
          <AcknowledgeButton
            planId={planId}
            version={currentVersion}
            canAcknowledge={guardian.canAcknowledge}
            acknowledged={
              latest ? t("youAcknowledged", { version: latest.planVersion, time: formatTime(latest.acknowledgedAt, locale) }) : null
            }
            action={action}
          />
        ) : null}
        {all ? (
          all.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noneYet", { version: currentVersion })}</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("regionLabel")}>
              <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
                <caption className="py-1 text-left text-sm text-slate-700">{t("caption", { version: currentVersion })}</caption>
                <thead className="text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      {t("guardian")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("version")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("when")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {all.map((a) => (
                    <tr key={a.id}>
                      <th scope="row" className="px-2 py-1 font-normal">
                        {a.name}
                      </th>
                      <td className="px-2 py-1">
                        {a.planVersion}
                        {a.planVersion === currentVersion ? t("current") : ""}
                      </td>
                      <td className="px-2 py-1">{formatTime(a.acknowledgedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}

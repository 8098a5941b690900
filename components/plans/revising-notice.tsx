import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";
import { isBeingRevised } from "@/lib/plans/labels";
import type { PlanDetail } from "@/lib/plans/queries";

/**
 * On a plan that was approved and is being revised: that it is, who sent it back, when
 * and why. The family reads it as "not the approved plan right now".
 */
export function RevisingNotice({ plan }: { plan: Pick<PlanDetail, "status" | "approvedAt" | "events"> }) {
  const t = useTranslations("plans.revising");
  const locale = useLocale();
  if (!isBeingRevised(plan)) return null;
  const sentBack = plan.events.findLast((e) => e.kind === "STATUS" && e.fromStatus === "ACTIVE" && e.toStatus === "DRAFT");
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-medium">
        {t("notice")}
        {sentBack ? ` ${t("sentBack", { name: sentBack.actor.name, when: formatTime(sentBack.createdAt, locale) })}` : null}
      </p>
      {sentBack?.note ? <p className="mt-1 whitespace-pre-line">{sentBack.note}</p> : null}
    </div>
  );
}

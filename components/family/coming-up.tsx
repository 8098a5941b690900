import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { UpcomingDate } from "@/lib/family/upcoming";

export function ComingUp({ dates, days }: { dates: UpcomingDate[]; days: number }) {
  const t = useTranslations("family.comingUp");
  const locale = useLocale();
  return (
    <Card aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="mb-3">
        {t("heading")}
      </h2>
      {dates.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none", { weeks: Math.round(days / 7) })}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {dates.map((d, i) => (
            <li key={`${d.kind}-${d.planId}-${i}`} className="py-2 text-sm">
              <span className="font-medium">{formatDay(d.on, locale)}</span> · {t(`kind.${d.kind}`)}
              {/* Text, not links: the plans table links each plan once. */}
              <span className="block text-slate-800">{d.kind === "plan-end" ? d.planTitle : `${d.title} — ${d.planTitle}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

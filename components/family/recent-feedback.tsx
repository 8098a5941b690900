import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { LevelBadge } from "@/components/ui/badges";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { FeedbackItem } from "@/lib/family/feedback";

export function RecentFeedback({ items }: { items: FeedbackItem[] }) {
  const t = useTranslations("family.feedback");
  const locale = useLocale();
  return (
    <Card aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" className="mb-3">
        {t("heading")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.id} className="space-y-1 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <LevelBadge level={f.level} rated />
                <Link href={f.href} className="font-medium">
                  {f.on}
                </Link>
              </p>
              <p className="text-slate-700">{f.about}</p>
              {f.feedback ? <p className="whitespace-pre-line text-slate-900">{f.feedback}</p> : null}
              <p className="text-xs text-slate-700">{t("byOn", { rater: f.rater, date: formatDay(f.at, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

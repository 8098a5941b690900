import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "@/lib/dates";

type Goal = {
  successCriteria: string;
  masteryDemonstration: string;
  targetDate?: string;
  standards: { id: string; code: string; description: string }[];
};

/** What a goal asks for: success criteria, how mastery is shown, target date and standards (plans and templates). */
export function GoalDetails({ goal }: { goal: Goal }) {
  const t = useTranslations("plans.goal");
  const locale = useLocale();
  return (
    <dl className="mt-3 grid gap-3 text-sm md:grid-cols-2">
      <div>
        <dt className="font-medium text-slate-800">{t("successCriteria")}</dt>
        <dd className="whitespace-pre-line text-slate-700">{goal.successCriteria}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-800">{t("masteryDemonstration")}</dt>
        <dd className="whitespace-pre-line text-slate-700">{goal.masteryDemonstration}</dd>
      </div>
      {goal.targetDate ? (
        <div>
          <dt className="font-medium text-slate-800">{t("targetDate")}</dt>
          <dd className="text-slate-700">{formatDay(goal.targetDate, locale)}</dd>
        </div>
      ) : null}
      {goal.standards.length ? (
        <div>
          <dt className="font-medium text-slate-800">{t("standards")}</dt>
          <dd className="text-slate-700">
            <ul>
              {goal.standards.map((s) => (
                <li key={s.id}>
                  <abbr title={s.description} className="font-mono text-xs no-underline">
                    {s.code}
                  </abbr>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

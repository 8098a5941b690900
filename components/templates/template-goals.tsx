import { useTranslations } from "next-intl";
import { ActivityList } from "@/components/plans/activity-list";
import { GoalDetails } from "@/components/plans/goal-details";
import { Card } from "@/components/ui/layout";
import type { TemplateDetail } from "@/lib/templates/queries";

/** A template's goals with their standards and suggested activities, read-only. */
export function TemplateGoals({ goals }: { goals: TemplateDetail["goals"] }) {
  const t = useTranslations("templates");
  const p = useTranslations("plans");
  return (
    <section aria-labelledby="template-goals" className="space-y-4">
      <h2 id="template-goals">{t("goals.heading")}</h2>
      {goals.map((g, i) => (
        <Card key={i} aria-labelledby={`template-goal-${i}`}>
          <p className="text-xs font-semibold tracking-wide text-indigo-800 uppercase">
            {p("form.goalNumber", { number: i + 1 })} · {p(`subject.${g.subject}`)}
          </p>
          <h3 id={`template-goal-${i}`} className="text-base font-semibold">
            {g.title}
          </h3>
          <GoalDetails goal={g} />
          <ActivityList activities={g.activities} goalNumber={i + 1} title={t("goals.suggested")} empty={t("goals.noneSuggested")} />
        </Card>
      ))}
    </section>
  );
}

import { ActivityList } from "@/components/plans/activity-list";
import { GoalDetails } from "@/components/plans/goal-details";
import { Card } from "@/components/ui/layout";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import type { TemplateDetail } from "@/lib/templates/queries";

/** A template's goals with their standards and suggested activities, read-only. */
export function TemplateGoals({ goals }: { goals: TemplateDetail["goals"] }) {
  return (
    <section aria-labelledby="template-goals" className="space-y-4">
      <h2 id="template-goals">Goals</h2>
      {goals.map((g, i) => (
        <Card key={i} aria-labelledby={`template-goal-${i}`}>
          <p className="text-xs font-semibold tracking-wide text-indigo-800 uppercase">
            Goal {i + 1} · {SUBJECT_LABEL[g.subject]}
          </p>
          <h3 id={`template-goal-${i}`} className="text-base font-semibold">
            {g.title}
          </h3>
          <GoalDetails goal={g} />
          <ActivityList activities={g.activities} goalNumber={i + 1} title="Suggested activities" empty="None suggested." />
        </Card>
      ))}
    </section>
  );
}

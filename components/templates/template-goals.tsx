import { Card } from "@/components/ui/layout";
import { RESOURCE_KIND_LABEL, SETTING_LABEL, SUBJECT_LABEL } from "@/lib/plans/labels";
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
          <dl className="mt-3 grid gap-3 text-sm md:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-800">Success criteria</dt>
              <dd className="whitespace-pre-line text-slate-700">{g.successCriteria}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-800">How mastery will be shown</dt>
              <dd className="whitespace-pre-line text-slate-700">{g.masteryDemonstration}</dd>
            </div>
            {g.standards.length ? (
              <div>
                <dt className="font-medium text-slate-800">Standards</dt>
                <dd className="text-slate-700">
                  <ul>
                    {g.standards.map((s) => (
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
          <h4 className="mt-4 text-sm font-semibold">Suggested activities</h4>
          {g.activities.length === 0 ? (
            <p className="text-sm text-slate-600">None suggested.</p>
          ) : (
            <ul className="mt-1 space-y-2 text-sm">
              {g.activities.map((a, j) => (
                <li key={j} className="rounded-md border border-slate-200 p-3">
                  <p className="whitespace-pre-line">{a.description}</p>
                  <p className="text-xs text-slate-700">
                    {[SETTING_LABEL[a.setting], a.timing, a.withWhom ? `with ${a.withWhom}` : ""].filter(Boolean).join(" · ")}
                  </p>
                  {a.resourceKind !== "NONE" ? (
                    <p className="text-xs text-slate-700">
                      {RESOURCE_KIND_LABEL[a.resourceKind]}:{" "}
                      {a.resourceKind === "LINK" ? (
                        <a href={a.resourceUrl} rel="noopener noreferrer" className="underline">
                          {a.resource || a.resourceUrl}
                        </a>
                      ) : (
                        a.resource
                      )}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </section>
  );
}

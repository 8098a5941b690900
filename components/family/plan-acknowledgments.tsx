// The plan page's family acknowledgment: a guardian acknowledges the version in force or sees
// when they did; the student's teachers and admins see who acknowledged which version, when.
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
  if (!acknowledgments) return null;
  const { guardian, all, currentVersion, planId } = acknowledgments;
  const latest = guardian?.latest;
  return (
    <Card id="acknowledge" aria-labelledby="acknowledge-heading">
      <h2 id="acknowledge-heading" className="mb-3">
        Family acknowledgment
      </h2>
      <div className="space-y-4">
        {guardian ? (
          <AcknowledgeButton
            planId={planId}
            version={currentVersion}
            canAcknowledge={guardian.canAcknowledge}
            acknowledged={latest ? `You acknowledged version ${latest.planVersion} on ${formatTime(latest.acknowledgedAt)}.` : null}
            action={action}
          />
        ) : null}
        {all ? (
          all.length === 0 ? (
            <p className="text-sm text-slate-700">No parent or guardian has acknowledged this plan yet (it is version {currentVersion}).</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Acknowledgments">
              <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
                <caption className="py-1 text-left text-sm text-slate-700">
                  Who acknowledged this plan (it is version {currentVersion} now)
                </caption>
                <thead className="text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      Parent or guardian
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Version
                    </th>
                    <th scope="col" className="px-2 py-1">
                      When
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
                        {a.planVersion === currentVersion ? " (current)" : ""}
                      </td>
                      <td className="px-2 py-1">{formatTime(a.acknowledgedAt)}</td>
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

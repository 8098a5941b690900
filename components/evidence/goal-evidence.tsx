import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ServerAction } from "@/lib/errors";
import { EVIDENCE_SHOWN, type PlanDetail } from "@/lib/plans/queries";
import { AddEvidence } from "./add-evidence";
import { EvidenceItem } from "./evidence-item";
import { RateEvidence } from "./rate-evidence";

type Goal = Pick<PlanDetail["goals"][number], "id" | "evidence" | "evidenceCount">;

/**
 * A goal's evidence on its plan's page: what getPlan read (the newest few, or all of them for the
 * goal the page asked about), a link to the rest or back to the newest few, a "Rate" button on each
 * piece when `canRate` (inside a RatingScope) and the "Add evidence" button when `addEvidence` is given.
 * The page's HTML grows with what is shown, not with how much evidence the goal has.
 */
export function GoalEvidence({
  planId,
  goal,
  canRate,
  addEvidence,
}: {
  planId: string;
  goal: Goal;
  canRate: boolean;
  addEvidence?: ServerAction<FormData, { id: string }>;
}) {
  const t = useTranslations("plans.page");
  const anchor = `#goal-${goal.id}`;
  // One link in one place whichever way it goes, so it keeps focus when the list changes under it.
  const toggle =
    goal.evidence.length < goal.evidenceCount
      ? { href: `/plans/${planId}?evidence=${goal.id}${anchor}`, text: t("showAllEvidence", { count: goal.evidenceCount }) }
      : goal.evidenceCount > EVIDENCE_SHOWN
        ? { href: `/plans/${planId}${anchor}`, text: t("showNewestEvidence", { count: EVIDENCE_SHOWN }) }
        : null;
  return (
    <div className="mt-4 space-y-4 border-t border-slate-100 pt-4">
      <h4 className="text-sm font-semibold">{t("evidence")}</h4>
      {goal.evidence.length === 0 ? <p className="text-sm text-slate-600">{t("noEvidence")}</p> : null}
      {goal.evidence.map((e) => (
        <div key={e.id} className="space-y-3 rounded-md border border-slate-200 p-3">
          <EvidenceItem evidence={e} />
          {canRate ? <RateEvidence evidenceId={e.id} goalId={goal.id} evidenceTitle={e.title} /> : null}
        </div>
      ))}
      {toggle ? (
        <p className="text-sm">
          {/* The list grows or shrinks in place; the anchor keeps the place on a full load. */}
          <Link href={toggle.href} scroll={false} prefetch={false} className="font-medium underline">
            {toggle.text}
          </Link>
        </p>
      ) : null}
      {addEvidence ? <AddEvidence planId={planId} goalId={goal.id} action={addEvidence} /> : null}
    </div>
  );
}

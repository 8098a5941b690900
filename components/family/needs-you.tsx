import Link from "next/link";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { Need } from "@/lib/family/needs";

/** Agreements to sign and plans to acknowledge, each a link to where it is done. */
export function NeedsYou({ needs, childName }: { needs: Need[]; childName: string }) {
  return (
    <Card aria-labelledby="needs-heading">
      <h2 id="needs-heading" className="mb-3">
        What needs you
      </h2>
      {needs.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing needs you right now.</p>
      ) : (
        <ul className="space-y-3">
          {needs.map((n) =>
            n.kind === "sign" ? (
              <li key={`sign-${n.planId}`} className="text-sm">
                <span className="block">
                  The independent study agreement of “{n.planTitle}” waits for your signature (sent on {formatDay(n.since)}).
                </span>
                <Link href={`/plans/${n.planId}/agreement`} className="font-medium">
                  Read and sign the agreement
                </Link>
              </li>
            ) : (
              <li key={`ack-${n.planId}`} className="text-sm">
                <span className="block">
                  {n.acknowledgedVersion === null
                    ? `${childName}’s plan “${n.planTitle}” was approved (version ${n.version}).`
                    : `“${n.planTitle}” changed since you acknowledged version ${n.acknowledgedVersion}: it is version ${n.version} now.`}
                </span>
                {/* Named without the plan's title, which the plans table links already: the item gives the context. */}
                <Link href={`/plans/${n.planId}#acknowledge`} className="font-medium">
                  Read and acknowledge the plan
                </Link>
              </li>
            ),
          )}
        </ul>
      )}
    </Card>
  );
}

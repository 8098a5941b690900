// What needs the guardian on one child's page: agreements waiting for their signature and approved
// plans they have not acknowledged at the version in force. Both read among the ids the visibility
// builders give for the child (once per request); each list is bounded.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { visibleAgreementPlanIdsOf } from "@/lib/agreements/access";
import { agreementRevisionSchema } from "@/lib/agreements/revision";
import { toSignBy } from "@/lib/agreements/signers";
import { db } from "@/lib/db";
import { visiblePlanIdsOf } from "@/lib/plans/access";
import { ACKNOWLEDGEABLE } from "@/lib/plans/acknowledgment";

/** At most this many agreements and plans are looked at per list (a child has a handful). */
export const NEEDS_LIMIT = 20;

export type Need =
  | { kind: "sign"; planId: string; planTitle: string; since: Date }
  | { kind: "acknowledge"; planId: string; planTitle: string; version: number; acknowledgedVersion: number | null };

export async function needsOfGuardian(actor: Actor, studentId: string): Promise<Need[]> {
  // Among the child's agreements and plans the guardian may see (ids read once for the page).
  const [agreementPlanIds, planIds] = await Promise.all([
    visibleAgreementPlanIdsOf(actor, studentId),
    visiblePlanIdsOf(actor, studentId, "acting"),
  ]);
  const [agreements, plans] = await Promise.all([
    // No agreement the guardian may see (most children have none): nothing to read.
    agreementPlanIds.length === 0
      ? []
      : db.studyAgreement.findMany({
          where: { planId: { in: agreementPlanIds }, status: "AWAITING_SIGNATURES" },
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          take: NEEDS_LIMIT,
          select: {
            planId: true,
            plan: { select: { title: true } },
            revisions: {
              orderBy: { number: "desc" },
              take: 1,
              select: {
                content: true,
                createdAt: true,
                signatures: { select: { signerId: true, role: true, typedName: true, signedAt: true } },
              },
            },
          },
        }),
    // Plain SQL over the ids the rule gave: as a nested select this cost more CPU to prepare than to run (issue 12).
    db.$queryRaw<{ id: string; title: string; version: number | null; acknowledged: number | null }[]>`
      SELECT p.id, p.title,
        (SELECT max(r.number) FROM "PlanRevision" r WHERE r."planId" = p.id) AS version,
        (SELECT max(a."planVersion") FROM "GuardianAcknowledgment" a WHERE a."planId" = p.id AND a."guardianId" = ${actor.id}) AS acknowledged
      FROM "Plan" p
      WHERE p.id = ANY(${planIds}::text[]) AND p.status::text = ${ACKNOWLEDGEABLE}
      ORDER BY p."approvedAt" DESC, p.id
      LIMIT ${NEEDS_LIMIT}`,
  ]);
  const toSign = agreements.flatMap((a): Need[] => {
    const latest = a.revisions[0];
    const content = latest ? agreementRevisionSchema.safeParse(latest.content) : null;
    // Only when this guardian is one of the people asked to sign, and no one has signed for them yet.
    if (!latest || !content?.success || toSignBy(actor.id, content.data.signers, latest.signatures).length === 0) return [];
    return [{ kind: "sign", planId: a.planId, planTitle: a.plan.title, since: latest.createdAt }];
  });
  const toAcknowledge = plans.flatMap((p): Need[] => {
    const { version, acknowledged } = p;
    if (version === null || acknowledged === version) return [];
    return [{ kind: "acknowledge", planId: p.id, planTitle: p.title, version, acknowledgedVersion: acknowledged }];
  });
  return [...toSign, ...toAcknowledge];
}

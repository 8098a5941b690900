import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ProposeForm } from "@/components/plans/proposal-panel";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { proposalForm } from "@/lib/plans/changes";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { proposeChangeAction } from "../../history-actions";

export const metadata: Metadata = { title: "Propose a change" };

export default async function ProposeChangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const { plan, initial, allowed, pending } = await orNotFound(proposalForm(actor, id));
  if (!allowed) forbidden();
  const picker = pending ? null : await pickerContext(actor, plan.schoolId, linkedStandardIds(initial.goals));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>← Back to the plan</Link>
      </p>
      <PageHeader
        title={`Propose a change to “${plan.title}”`}
        description="Change, add or remove goals and activities. Your teacher sees what you changed and approves or declines it; until then the plan stays as it is."
      />
      {pending || !picker ? (
        <EmptyState>
          You already have a proposed change waiting for your teacher.{" "}
          <Link href={`/plans/${plan.id}#proposed-change`} className="underline">
            See it on the plan
          </Link>
          , and withdraw it there if you want to propose a different one.
        </EmptyState>
      ) : (
        <ProposeForm plan={{ id: plan.id, version: plan.version }} picker={picker} initial={initial} action={proposeChangeAction} />
      )}
    </>
  );
}

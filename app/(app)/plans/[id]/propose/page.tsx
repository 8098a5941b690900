import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { ProposeForm } from "@/components/plans/propose-form";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { proposalForm } from "@/lib/plans/changes";
import { linkedStandardIds, pickerContext } from "@/lib/standards/queries";
import { proposeChangeAction } from "../../history-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("proposal.propose") };
}

export default async function ProposeChangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations("plans");
  const { id } = await params;
  const { plan, initial, allowed, pending } = await orNotFound(proposalForm(actor, id));
  if (!allowed) forbidden();
  const picker = pending ? null : await pickerContext(actor, plan.schoolId, linkedStandardIds(initial.goals));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/plans/${plan.id}`}>{t("backToPlan")}</Link>
      </p>
      <PageHeader title={t("proposal.pageTitle", { title: plan.title })} description={t("proposal.pageDescription")} />
      {pending || !picker ? (
        <EmptyState>
          {t.rich("proposal.alreadyPending", {
            link: (chunks) => (
              <Link href={`/plans/${plan.id}#proposed-change`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <ProposeForm plan={{ id: plan.id, version: plan.version }} picker={picker} initial={initial} action={proposeChangeAction} />
      )}
    </>
  );
}

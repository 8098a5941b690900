import { MethodSentence } from "@/components/mastery/method-sentence";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { GoalEvidence } from "@/components/evidence/goal-evidence";
import { RatingScope } from "@/components/evidence/rating-scope";
import { PlanAcknowledgmentsSection } from "@/components/family/plan-acknowledgments";
import { ShowWorking } from "@/components/mastery/show-working";
import { GoalConversation, PlanComments, PlanReflections } from "@/components/conversation/plan-conversation";
import { ActivityList } from "@/components/plans/activity-list";
import { GoalDetails } from "@/components/plans/goal-details";
import { ProposalPanel } from "@/components/plans/proposal-panel";
import { RevisingNotice } from "@/components/plans/revising-notice";
import { TemplateLink } from "@/components/plans/template-link";
import { Timeline } from "@/components/plans/timeline";
import { TransitionPanel } from "@/components/plans/transition-panel";
import { ProfileAside } from "@/components/profiles/profile-aside";
import { LevelBadge, ProgressBar, StatusBadge } from "@/components/ui/badges";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { getPlanConversation } from "@/lib/conversation/queries";
import { formatDay, formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { planAcknowledgments } from "@/lib/plans/acknowledgment";
import { getPlanChanges } from "@/lib/plans/changes";
import { getPlan } from "@/lib/plans/queries";
import { getProfileForPlan } from "@/lib/profiles/queries";
import { planTemplateLink } from "@/lib/templates/queries";
import { unlinkTemplateAction } from "../../templates/actions";
import { goalWorkingAction } from "../../mastery/actions";
import { addEvidenceAction, rateEvidenceAction, transitionPlanAction } from "../actions";
import * as conversationActions from "../conversation-actions";
import { decideChangeAction, withdrawChangeAction } from "../history-actions";
import { deletePlanAction } from "../lifecycle-actions";
import { acknowledgePlanAction } from "./acknowledge-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("page.metaTitle") };
}

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getTranslations("plans"), getLocale()]);
  const [{ id }, { evidence }] = await Promise.all([params, searchParams]);
  // ?evidence=<goal id>: that goal's whole list of evidence ("Show all"); the others show their newest few.
  const plan = await orNotFound(getPlan(actor, id, { allEvidenceOf: typeof evidence === "string" ? evidence : undefined }));
  // The plan is visible (getPlan would have answered 404); the rest of the page loads at once.
  const [conversation, profile, templateLink, changes, acknowledgments] = await Promise.all([
    getPlanConversation(actor, plan.id),
    getProfileForPlan(actor, plan.id),
    planTemplateLink(actor, plan.id),
    getPlanChanges(actor, plan.id),
    planAcknowledgments(actor, plan.id),
  ]);
  const isOwner = actor.id === plan.student.id;
  const lastNote = [...plan.events].reverse().find((e) => e.kind === "STATUS" && e.toStatus === "CHANGES_REQUESTED" && e.note);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-slate-700">
          {isOwner ? (
            t("page.myPlan")
          ) : (
            <Link href={`/students/${plan.student.id}`} className="underline">
              {plan.student.name}
            </Link>
          )}{" "}
          · {t(`type.${plan.type}`)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1>{plan.title}</h1>
          <p>
            <span className="sr-only">{t("page.status")}</span>
            <StatusBadge status={plan.status} approvedAt={plan.approvedAt} />
          </p>
        </div>
        <p className="text-sm text-slate-700">
          {formatDay(plan.startsOn, locale)} – {formatDay(plan.endsOn, locale)}
          {plan.revision ? (
            <>
              {" · "}
              <span>
                {t("page.version", { number: plan.revision.number })}
                {plan.approvedRevision
                  ? plan.approvedRevision.number === plan.revision.number
                    ? t("page.approvedOn", { when: formatTime(plan.approvedRevision.approvedAt, locale) })
                    : t("page.otherApprovedOn", {
                        number: plan.approvedRevision.number,
                        when: formatTime(plan.approvedRevision.approvedAt, locale),
                      })
                  : null}
              </span>
            </>
          ) : null}
          {" · "}
          <Link href={`/plans/${plan.id}/history`} className="underline">
            {t("page.history")}
          </Link>
          {plan.type === "INDEPENDENT_STUDY" ? (
            <>
              {" · "}
              <Link href={`/plans/${plan.id}/agreement`} className="underline">
                {t("page.agreement")}
              </Link>
            </>
          ) : null}
        </p>
        <div className="max-w-md">
          <ProgressBar {...plan.progress} />
        </div>
        {plan.summary ? <p className="max-w-3xl whitespace-pre-line text-slate-800">{plan.summary}</p> : null}
      </header>

      {profile?.reviewer ? <ProfileAside profile={profile.profile} name={profile.name} studentId={profile.studentId} /> : null}

      {plan.status === "CHANGES_REQUESTED" && lastNote ? (
        <div role="status" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm">
          <p className="font-medium text-rose-900">
            {t("page.changesAskedBy", { name: lastNote.actor.name, when: formatTime(lastNote.createdAt, locale) })}
          </p>
          <p className="mt-1 whitespace-pre-line text-rose-900">{lastNote.note}</p>
        </div>
      ) : null}

      <RevisingNotice plan={plan} />

      <TemplateLink link={templateLink} unlink={unlinkTemplateAction} />

      <PlanAcknowledgmentsSection acknowledgments={acknowledgments} action={acknowledgePlanAction} />

      {plan.allowed.edit || plan.allowed.transitions.length ? (
        <Card aria-labelledby="next-steps">
          <h2 id="next-steps" className="mb-3">
            {t("page.nextSteps")}
          </h2>
          {plan.allowed.edit ? (
            <p className="mb-4">
              <ButtonLink href={`/plans/${plan.id}/edit`} variant="secondary">
                {t("page.editPlan")}
              </ButtonLink>
            </p>
          ) : null}
          <TransitionPanel
            planId={plan.id}
            version={plan.version}
            transitions={plan.allowed.transitions}
            action={transitionPlanAction}
            deleteDraft={plan.allowed.delete ? { title: plan.title, action: deletePlanAction } : undefined}
          />
        </Card>
      ) : null}

      <ProposalPanel changes={changes} decide={decideChangeAction} withdraw={withdrawChangeAction} />

      <section aria-labelledby="goals-heading" className="space-y-4">
        <div>
          <h2 id="goals-heading">{t("page.goals")}</h2>
          <p className="text-sm text-slate-700">
            {t("page.scale", { scale: plan.scale.name })} <MethodSentence spec={plan.methodSpec} />
          </p>
        </div>
        <RatingScope value={plan.allowed.rateEvidence ? { planId: plan.id, levels: plan.scale.levels, action: rateEvidenceAction } : null}>
          {plan.goals.map((g, i) => (
            <Card key={g.id} id={`goal-${g.id}`} aria-labelledby={`goal-${g.id}-title`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="text-xs font-semibold tracking-wide text-indigo-800 uppercase">
                    {t("form.goalNumber", { number: i + 1 })} · {t(`subject.${g.subject}`)}
                  </p>
                  <h3 id={`goal-${g.id}-title`} className="text-base font-semibold">
                    {g.title}
                  </h3>
                </div>
                <div className="text-right text-sm">
                  <span className="sr-only">{t("page.currentLevel")}</span>
                  <LevelBadge level={g.mastery?.level ?? null} rated={Boolean(g.mastery)} />
                </div>
              </div>
              {g.mastery ? (
                <ShowWorking
                  action={goalWorkingAction}
                  input={{ goalId: g.id }}
                  subject={t("form.goalOwner", { number: i + 1 })}
                  describedBy={`goal-${g.id}-title`}
                  buttonAlign="end"
                />
              ) : null}
              <GoalDetails goal={g} />
              <ActivityList activities={g.activities} goalNumber={i + 1} />
              <GoalEvidence
                planId={plan.id}
                goal={g}
                canRate={plan.allowed.rateEvidence}
                addEvidence={plan.allowed.addEvidence ? addEvidenceAction : undefined}
              />
              <GoalConversation conversation={conversation} goalId={g.id} actions={conversationActions} />
            </Card>
          ))}
        </RatingScope>
      </section>

      <PlanReflections conversation={conversation} actions={conversationActions} />

      <div className="grid gap-6 lg:grid-cols-2">
        <PlanComments conversation={conversation} actions={conversationActions} />
        <Card aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3">
            {t("page.timeline")}
          </h2>
          <Timeline events={plan.events} />
        </Card>
      </div>
    </div>
  );
}

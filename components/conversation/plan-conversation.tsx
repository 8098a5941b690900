// The plan page's conversation: the Comments card, the Reflections section, and the
// comments and reflections under each goal. The page renders each with one line.
import { useLocale, useTranslations } from "next-intl";
import { Card, EmptyState } from "@/components/ui/layout";
import { formatTime } from "@/lib/dates";
import type { PlanConversation } from "@/lib/conversation/queries";
import { GoalCommentForm, PlanCommentForm } from "./comment-form";
import { ThreadList } from "./comment-thread";
import { WriteReflection } from "./reflection-on-demand";
import { ReflectionList } from "./reflection-list";
import type { ConversationActions } from "./types";

type Props = { conversation: PlanConversation; actions: ConversationActions };

/** Threads on the plan as a whole, and the count of every open thread (goals' too). */
export function PlanComments({ conversation: c, actions }: Props) {
  const t = useTranslations("conversation");
  const threads = c.threads.filter((thread) => thread.goalId === null);
  const onGoals = c.threads.length - threads.length;
  return (
    <Card aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="mb-1">
        {t("comments")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {c.threads.length ? t("openThreads", { count: c.openThreads }) : null}
        {onGoals ? ` ${t("onGoals", { count: onGoals })}` : null}
      </p>
      {threads.length === 0 ? <EmptyState>{t("noComments")}</EmptyState> : null}
      <div className="mb-4">
        <ThreadList threads={threads} planId={c.planId} allowed={c.allowed} actions={actions} />
      </div>
      {c.allowed.comment ? <PlanCommentForm planId={c.planId} action={actions.addCommentAction} /> : null}
    </Card>
  );
}

/** Under one goal: its threads, a way to start one, and the reflections on it. */
export function GoalConversation({ conversation: c, actions, goalId }: Props & { goalId: string }) {
  const t = useTranslations("conversation");
  const threads = c.threads.filter((thread) => thread.goalId === goalId);
  const reflections = c.reflections.filter((r) => r.goalId === goalId);
  const showComments = threads.length > 0 || c.allowed.comment;
  if (!showComments && reflections.length === 0) return null;
  return (
    <div className="mt-4 space-y-4 border-t border-slate-100 pt-4">
      {showComments ? (
        <div className="space-y-3">
          <h4 className="text-sm font-semibold">{t("commentsOnGoal")}</h4>
          <ThreadList threads={threads} planId={c.planId} allowed={c.allowed} actions={actions} />
          {c.allowed.comment ? <GoalCommentForm planId={c.planId} goalId={goalId} action={actions.addCommentAction} /> : null}
        </div>
      ) : null}
      {reflections.length ? (
        <div className="space-y-3">
          <h4 className="text-sm font-semibold">{t("reflectionsOnGoal")}</h4>
          <ReflectionList reflections={reflections} planId={c.planId} canReply={c.allowed.replyToReflection} actions={actions} />
        </div>
      ) : null}
    </div>
  );
}

/** The student's reflections: on the whole plan here, on a goal under that goal (listed here too). */
export function PlanReflections({ conversation: c, actions }: Props) {
  const t = useTranslations("conversation");
  const locale = useLocale();
  if (!c.reflectionsShown) return null;
  const onPlan = c.reflections.filter((r) => r.goalId === null);
  const goals = new Map(c.goals.map((g) => [g.id, g]));
  const onGoals = c.reflections.filter((r) => r.goalId !== null);
  return (
    <Card aria-labelledby="reflections-heading">
      <h2 id="reflections-heading" className="mb-1">
        {t("reflections")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("reflectionsIntro")}</p>
      {c.reflections.length === 0 ? <EmptyState>{t("noReflections")}</EmptyState> : null}
      <ReflectionList reflections={onPlan} planId={c.planId} canReply={c.allowed.replyToReflection} actions={actions} />
      {onGoals.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("onGoalsHeading")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {onGoals.map((r) => {
              const goal = r.goalId ? goals.get(r.goalId) : undefined;
              return (
                <li key={r.id}>
                  <a href={`#reflection-${r.id}`} className="underline">
                    {t("goalTitle", { number: goal?.number ?? 0, title: goal?.title ?? "" })}
                  </a>{" "}
                  · {formatTime(r.createdAt, locale)}
                  {r.replies.length ? ` · ${t("answerCount", { count: r.replies.length })}` : ""}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {c.allowed.reflect ? (
        <div className="mt-6 border-t border-slate-100 pt-4">
          <WriteReflection planId={c.planId} goals={c.goals} action={actions.addReflectionAction} />
        </div>
      ) : null}
    </Card>
  );
}

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatTime } from "@/lib/dates";
import { REFLECTION_PROMPTS } from "@/lib/conversation/schemas";
import type { ReflectionView } from "@/lib/conversation/queries";
import { ReflectionReplyForm } from "./reflection-reply-form";
import type { ConversationActions } from "./types";

const strong = (chunks: ReactNode) => <span className="font-medium text-slate-900">{chunks}</span>;

/** Reflections in the student's words, each with the teachers' answers under it. */
export function ReflectionList({
  reflections,
  planId,
  canReply,
  actions,
}: {
  reflections: ReflectionView[];
  planId: string;
  canReply: boolean;
  actions: ConversationActions;
}) {
  const t = useTranslations("conversation");
  const locale = useLocale();
  if (reflections.length === 0) return null;
  return (
    <ul className="space-y-3">
      {reflections.map((r) => (
        <li key={r.id}>
          <article id={`reflection-${r.id}`} tabIndex={-1} className="scroll-mt-4 space-y-3 rounded-md border border-slate-200 p-3 text-sm">
            <p className="text-xs text-slate-600">
              {t.rich("reflectionBy", { name: r.author.name, strong })} ·{" "}
              <time dateTime={r.createdAt.toISOString()}>{formatTime(r.createdAt, locale)}</time>
            </p>
            <dl className="space-y-2">
              {REFLECTION_PROMPTS.filter((p) => r[p.name]).map((p) => (
                <div key={p.name}>
                  <dt className="font-medium text-slate-800">{t(`prompt.${p.name}`)}</dt>
                  <dd className="whitespace-pre-line text-slate-700">{r[p.name]}</dd>
                </div>
              ))}
            </dl>
            {r.replies.length ? (
              <ol className="space-y-2">
                {r.replies.map((reply) => (
                  <li
                    key={reply.id}
                    id={`reflection-reply-${reply.id}`}
                    tabIndex={-1}
                    className="ml-4 scroll-mt-4 rounded-sm border-l-2 border-indigo-200 pl-3"
                  >
                    <p className="text-xs text-slate-600">
                      {t.rich("answered", { name: reply.author.name, strong })} ·{" "}
                      <time dateTime={reply.createdAt.toISOString()}>{formatTime(reply.createdAt, locale)}</time>
                    </p>
                    <p className="whitespace-pre-line">{reply.body}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            {canReply ? <ReflectionReplyForm planId={planId} reflectionId={r.id} action={actions.replyToReflectionAction} /> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}

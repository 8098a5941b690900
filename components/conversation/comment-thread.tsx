import { useLocale, useTranslations } from "next-intl";
import { formatDay, formatTime } from "@/lib/dates";
import type { ConversationAllowed } from "@/lib/conversation/policy";
import type { CommentThread, ConversationComment } from "@/lib/conversation/queries";
import { ReplyForm } from "./reply-form";
import { ResolveButton } from "./resolve-button";
import type { ConversationActions } from "./types";

type ThreadProps = { planId: string; allowed: ConversationAllowed; actions: ConversationActions };

/** Threads in the order they were started; each keeps its replies in order. */
export function ThreadList({ threads, ...props }: ThreadProps & { threads: CommentThread[] }) {
  if (threads.length === 0) return null;
  return (
    <ul className="space-y-3">
      {threads.map((t) => (
        <li key={t.id}>
          <Thread thread={t} {...props} />
        </li>
      ))}
    </ul>
  );
}

function Thread({ thread, planId, allowed, actions }: ThreadProps & { thread: CommentThread }) {
  const t = useTranslations("conversation");
  const locale = useLocale();
  const comments = (
    <ol className="space-y-3">
      <li>
        <Comment comment={thread} />
      </li>
      {thread.replies.map((r) => (
        <li key={r.id} className="ml-4 border-l-2 border-slate-200 pl-3">
          <Comment comment={r} />
        </li>
      ))}
    </ol>
  );
  const resolve = (resolved: boolean) =>
    allowed.resolve ? (
      <ResolveButton planId={planId} threadId={thread.id} resolved={resolved} action={actions.setThreadResolvedAction} />
    ) : null;

  // A resolved thread folds away behind who resolved it and when; it is still all there.
  if (thread.resolved)
    return (
      <details className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <summary id={`thread-${thread.id}-resolved`} className="cursor-pointer text-sm text-slate-700">
          {t("resolvedBy", { name: thread.resolved.by, when: formatDay(thread.resolved.at, locale) })}
          <span className="text-slate-600"> · {excerpt(thread.body)}</span>
        </summary>
        <div className="mt-3 space-y-3">
          {comments}
          <div className="flex flex-wrap gap-2">{resolve(true)}</div>
        </div>
      </details>
    );
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3">
      {comments}
      {allowed.comment || allowed.resolve ? (
        <div className="flex flex-wrap items-start gap-2">
          {allowed.comment ? <ReplyForm planId={planId} threadId={thread.id} action={actions.replyToCommentAction} /> : null}
          {resolve(false)}
        </div>
      ) : null}
    </div>
  );
}

/** One comment; notifications link to it and focus lands on it after posting. */
function Comment({ comment }: { comment: ConversationComment }) {
  const locale = useLocale();
  return (
    <article id={`comment-${comment.id}`} tabIndex={-1} className="scroll-mt-4 rounded-sm text-sm">
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-900">{comment.author.name}</span> ·{" "}
        <time dateTime={comment.createdAt.toISOString()}>{formatTime(comment.createdAt, locale)}</time>
      </p>
      <p className="whitespace-pre-line">{comment.body}</p>
    </article>
  );
}

function excerpt(text: string) {
  const line = text.split("\n")[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

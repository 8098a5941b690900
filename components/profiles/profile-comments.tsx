import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";

type Comment = { id: string; body: string; createdAt: Date; author: string };

/** Teachers' comments on a learner profile, oldest first. */
export function ProfileComments({ comments }: { comments: Comment[] }) {
  const t = useTranslations("profile.comments");
  const locale = useLocale();
  if (comments.length === 0) return <p className="mb-4 text-sm text-slate-700">{t("none")}</p>;
  return (
    <ul className="mb-4 space-y-3">
      {comments.map((c) => (
        <li key={c.id} id={`profile-comment-${c.id}`} className="text-sm">
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-900">{c.author}</span> · {formatTime(c.createdAt, locale)}
          </p>
          <p className="whitespace-pre-line">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

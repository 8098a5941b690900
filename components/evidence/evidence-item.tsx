import { useLocale, useTranslations } from "next-intl";
import { LevelBadge } from "@/components/ui/badges";
import { formatTime } from "@/lib/dates";
import { formatBytes } from "@/lib/evidence/files";
import type { PlanDetail } from "@/lib/plans/queries";

type Evidence = PlanDetail["goals"][number]["evidence"][number];

export function EvidenceItem({ evidence: e }: { evidence: Evidence }) {
  const t = useTranslations("evidence.item");
  const locale = useLocale();
  return (
    <article className="space-y-2" aria-label={t("label", { title: e.title })}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-medium">{e.title}</h4>
        <p className="text-xs text-slate-600">
          {e.addedBy.name} · {formatTime(e.createdAt, locale)}
        </p>
      </div>
      {e.kind === "TEXT" && e.text ? <p className="text-sm whitespace-pre-line text-slate-800">{e.text}</p> : null}
      {e.kind === "LINK" && e.url ? (
        <p className="text-sm">
          <a href={e.url} target="_blank" rel="noopener noreferrer nofollow">
            {e.url}
          </a>
        </p>
      ) : null}
      {e.kind === "FILE" ? (
        <p className="text-sm">
          <a href={`/api/evidence/${e.id}/file`}>{e.fileName}</a>
          {e.fileSize ? <span className="text-slate-600"> · {formatBytes(e.fileSize)}</span> : null}
        </p>
      ) : null}
      {e.reflection ? (
        <p className="border-l-2 border-slate-200 pl-3 text-sm text-slate-700 italic">
          <span className="sr-only">{t("reflection")}</span>
          {e.reflection}
        </p>
      ) : null}
      {e.ratings.length ? (
        <ul className="space-y-2" aria-label={t("ratings")}>
          {e.ratings.map((r) => (
            <li key={r.id} className="rounded-md bg-slate-50 p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <LevelBadge level={r.level} />
                <span className="text-xs text-slate-600">
                  {r.rater.name} · {formatTime(r.createdAt, locale)}
                </span>
              </div>
              <p className="mt-1 whitespace-pre-line text-slate-800">{r.feedback}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

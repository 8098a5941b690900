import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";
import type { FieldChange } from "@/lib/profiles/content";

type Revision = { id: string; number: number; createdAt: Date; author: string | null; first: boolean; changes: FieldChange[] };

function Change({ change }: { change: FieldChange }) {
  const t = useTranslations("profile.history");
  if (change.kind === "list") {
    return (
      <>
        {change.added.length ? <p>{t("added", { items: change.added.join(", ") })}</p> : null}
        {change.removed.length ? <p>{t("removed", { items: change.removed.join(", ") })}</p> : null}
      </>
    );
  }
  return (
    <p className="whitespace-pre-line">
      {change.parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
            <span className="sr-only">{t("addedMark")}</span>
            {p.value}
            <span className="sr-only">]</span>
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-rose-100 text-rose-900">
            <span className="sr-only">{t("removedMark")}</span>
            {p.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}

/** A profile's revisions, newest first, each with what changed from the one before. */
export function ProfileHistory({ items, olderHref }: { items: Revision[]; olderHref?: string }) {
  const t = useTranslations("profile.history");
  const locale = useLocale();
  if (items.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <>
      <ol className="space-y-4">
        {items.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
            <h3 className="text-sm font-semibold">
              {t("version", { number: r.number })} · {r.author ?? t("historyBegan")} · {formatTime(r.createdAt, locale)}
            </h3>
            {r.changes.length === 0 ? (
              <p className="mt-1 text-slate-700">{r.first ? t("nothingWritten") : t("noChanges")}</p>
            ) : (
              <dl className="mt-2 space-y-2">
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt className="font-medium text-slate-800">{t(`field.${c.field}`)}</dt>
                    <dd className="text-slate-700">
                      <Change change={c} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
      {olderHref ? (
        <p className="mt-3 text-sm">
          <Link href={olderHref}>{t("older")}</Link>
        </p>
      ) : null}
    </>
  );
}

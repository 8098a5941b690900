import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";
import type { EntryParts } from "@/lib/disclosure/words";
import { EntrySentence } from "./entry-sentence";

/** `parts`, when given, words the entry in the reader's language; `text` is lib's English. */
type Entry = { id: string; createdAt: Date; text: string; parts?: EntryParts; allowed: boolean; ip: string | null };

/** Entries in words, newest first; refused ones marked so they stand out without relying on colour. */
export function DisclosureList({ entries, label, showAddress = false }: { entries: Entry[]; label: string; showAddress?: boolean }) {
  const t = useTranslations("family.access");
  const locale = useLocale();
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {entries.map((e) => (
        <li key={e.id} className="px-4 py-3">
          <p className="break-words">
            {e.allowed ? null : (
              <span className="mr-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-900">{t("refused")}</span>
            )}
            {e.parts ? <EntrySentence parts={e.parts} /> : e.text}
          </p>
          <p className="mt-1 text-xs text-slate-700">
            <time dateTime={e.createdAt.toISOString()}>{formatTime(e.createdAt, locale)}</time>
            {showAddress && e.ip ? <span>{t("from", { ip: e.ip })}</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { RecentRecord } from "@/lib/family/feedback";

export function RecentRecords({ records, studentId, childName }: { records: RecentRecord[]; studentId: string; childName: string }) {
  const t = useTranslations("family.records");
  const locale = useLocale();
  return (
    <Card aria-labelledby="records-heading">
      <h2 id="records-heading" className="mb-3">
        {t("heading")}
      </h2>
      {records.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {records.map((r) => (
            <li key={r.id} className="py-2 text-sm">
              <Link href={`/records/${r.id}`} className="font-medium">
                {r.title}
              </Link>
              <span className="block text-slate-700">
                {formatDay(r.happenedOn, locale)} · {t(`setting.${r.setting}`)}
                {r.place ? ` · ${r.place}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href={`/students/${studentId}/records`} aria-label={t("allLabel", { name: childName })}>
          {t("all")}
        </Link>
      </p>
    </Card>
  );
}

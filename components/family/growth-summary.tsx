import Link from "next/link";
import { useTranslations } from "next-intl";
import { LevelBadge } from "@/components/ui/badges";
import { GrowthLine } from "@/components/mastery/growth-line";
import { Card } from "@/components/ui/layout";
import type { ChildGrowth } from "@/lib/family/summary";
import { ProgressOverTime } from "./progress-over-time";

/** Growth on standards since the first rating, a few at a time, and the chart of it over time. */
export function GrowthSummary({ growth, studentId, childName }: { growth: ChildGrowth; studentId: string; childName: string }) {
  const t = useTranslations("family.growth");
  return (
    <Card aria-labelledby="growth-heading">
      <h2 id="growth-heading" className="mb-1">
        {t("heading")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {growth.rated === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100">
          {growth.standards.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
              <span className="max-w-xl">
                {s.code ? <span className="mr-2 font-semibold">{s.code}</span> : null}
                <span className="block text-slate-800">{s.growthParts ? <GrowthLine parts={s.growthParts} /> : t("noGrowth")}</span>
              </span>
              <span>
                <span className="sr-only">{t("levelNow")}</span>
                <LevelBadge level={s.level} rated />
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 id="over-time-heading" className="mb-2 text-base font-semibold">
        {t("overTime")}
      </h3>
      <ProgressOverTime points={growth.overTime} childName={childName} />
      <p className="mt-3 text-sm">
        <Link href={`/students/${studentId}/progress`} aria-label={t("allProgressLabel", { name: childName })}>
          {t("allProgress")}
        </Link>
      </p>
    </Card>
  );
}

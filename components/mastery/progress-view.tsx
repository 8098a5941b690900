// A student's progress on standards, for the student, their family and their teachers: growth on
// each standard (with the working one click away), then mastery over time as charts and tables.
import { useTranslations } from "next-intl";
import { LevelBadge } from "@/components/ui/badges";
import { Card, EmptyState } from "@/components/ui/layout";
import type { ServerAction } from "@/lib/errors";
import type { StudentProgress } from "@/lib/mastery/progress";
import type { StandardWorkingInput } from "@/lib/mastery/schemas";
import type { Working } from "@/lib/mastery/working";
import { GrowthLine } from "./growth-line";
import { StandardChart, SubjectChart } from "./progress-charts";
import { ShowWorking } from "./show-working";

export function ProgressView({
  progress,
  workingAction,
}: {
  progress: StudentProgress;
  workingAction: ServerAction<StandardWorkingInput, Working>;
}) {
  const t = useTranslations("progress.view");
  if (progress.subjects.length === 0) {
    return <EmptyState>{t("empty")}</EmptyState>;
  }
  const standards = progress.subjects.flatMap((s) => s.standards);
  return (
    <div className="space-y-8">
      <section aria-labelledby="growth-heading" className="space-y-4">
        <h2 id="growth-heading">{t("growthHeading")}</h2>
        <p className="text-sm text-slate-700">{t("growthIntro")}</p>
        {progress.subjects.map((subject) => (
          <Card key={subject.subject} aria-labelledby={`subject-${subject.subject}`}>
            <h3 id={`subject-${subject.subject}`} className="mb-3 text-base font-semibold">
              {subject.label}
            </h3>
            <ul className="divide-y divide-slate-100">
              {subject.standards.map((s) => (
                <li key={s.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p id={`standard-${s.id}`} className="max-w-2xl">
                      {s.code ? <span className="mr-2 font-semibold">{s.code}</span> : null}
                      {s.statement}
                    </p>
                    <p>
                      <span className="sr-only">{t("levelNow")}</span>
                      <LevelBadge level={s.mastery.level} rated />
                    </p>
                  </div>
                  <p className="text-sm text-slate-800">
                    {s.growthParts ? <GrowthLine parts={s.growthParts} /> : s.mastery.ratingCount === 1 ? t("ratedOnce") : t("noGrowth")}
                  </p>
                  <ShowWorking
                    action={workingAction}
                    input={{ studentId: progress.student.id, standardId: s.id }}
                    subject={s.code || t("thisStandard")}
                    describedBy={`standard-${s.id}`}
                  />
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </section>
      <section aria-labelledby="over-time-heading" className="space-y-4">
        <h2 id="over-time-heading">{t("overTime")}</h2>
        <Card aria-labelledby="standard-chart-heading">
          <h3 id="standard-chart-heading" className="mb-1 text-base font-semibold">
            {t("byStandard")}
          </h3>
          <p className="mb-3 text-sm text-slate-700">{t("byStandardIntro")}</p>
          <StandardChart
            standards={standards.map(({ id, code, statement, levels, series }) => ({ id, code, statement, levels, series }))}
          />
        </Card>
        <Card aria-labelledby="subject-chart-heading">
          <h3 id="subject-chart-heading" className="mb-1 text-base font-semibold">
            {t("bySubject")}
          </h3>
          <p className="mb-3 text-sm text-slate-700">{t("bySubjectIntro")}</p>
          <SubjectChart subjects={progress.subjects.map(({ subject, label, series }) => ({ subject, label, series }))} />
        </Card>
      </section>
    </div>
  );
}

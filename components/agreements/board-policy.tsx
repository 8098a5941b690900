import { useTranslations } from "next-intl";
import type { BoardPolicy } from "@/lib/agreements/elements";
import { gradeKey } from "@/lib/agreements/lists";

/** Element 4 as the board set it: read only, copied into each agreement when it is sent. */
export function BoardPolicyText({ policy, gradeLevel }: { policy: BoardPolicy | null; gradeLevel: number }) {
  const t = useTranslations("agreements");
  if (!policy) {
    return <p className="text-sm text-rose-800">{t("policy.notSet")}</p>;
  }
  const grade = gradeKey(gradeLevel);
  const maxDays = policy.maxDaysToDue[grade];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
      <dt className="font-medium text-slate-800">{t("policy.longest")}</dt>
      <dd className="text-slate-800">
        {maxDays === undefined ? t("policy.notSetForGrade", { grade }) : t("policy.days", { days: maxDays, grade })}
      </dd>
      <dt className="font-medium text-slate-800">{t("policy.missed")}</dt>
      <dd className="text-slate-800">{t("policy.missedText", { limit: policy.missedAssignmentsLimit })}</dd>
      <dt className="font-medium text-slate-800">{t("policy.satisfactory")}</dt>
      <dd className="whitespace-pre-line text-slate-800">{policy.satisfactoryProgress}</dd>
      <dt className="font-medium text-slate-800">{t("policy.subjects")}</dt>
      <dd className="text-slate-800">{policy.requiredSubjects.map((s) => t(`subject.${s}`)).join(", ") || t("policy.noneRequired")}</dd>
    </dl>
  );
}

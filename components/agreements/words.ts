// The agreement's stored values in the page's language. A revision stores its signing rule as an
// English sentence and as data: English readers get the sentence exactly as it was sent, others
// the same rule worded from the data.
import { useLocale, useTranslations } from "next-intl";
import { LONG_AGREEMENT_SCHOOL_DAYS, SHORT_AGREEMENT_SIGNING_DAYS } from "@/lib/agreements/school-days";
import type { SigningRow } from "@/lib/agreements/queries";
import { formatDay } from "@/lib/dates";

type Rule = { kind: "long" | "short"; schoolDays: number; deadline: string | null; text: string };

export function useAgreementWords() {
  const t = useTranslations("agreements");
  const locale = useLocale();
  return {
    rule(rule: Rule): string {
      if (locale === "en") return rule.text;
      const date = rule.deadline ? formatDay(rule.deadline, locale) : null;
      if (rule.kind === "long") return t("rule.long", { days: rule.schoolDays, date: date ?? "—" });
      const counts = { days: rule.schoolDays, long: LONG_AGREEMENT_SCHOOL_DAYS, within: SHORT_AGREEMENT_SIGNING_DAYS };
      return date ? t("rule.shortBy", { ...counts, date }) : t("rule.short", counts);
    },
    /** Who signs: the role's name, or for an assistant the role the agreement gives them (as written). */
    signer(row: Pick<SigningRow, "role" | "label">): string {
      return row.role === "ASSISTANT" ? row.label : t(`signer.${row.role}`);
    },
    grade(gradeLevel: number): string {
      return gradeLevel <= 0 ? t("document.kindergarten") : t("document.gradeN", { grade: gradeLevel });
    },
  };
}

import { useTranslations } from "next-intl";
import type { SigningRow } from "@/lib/agreements/queries";
import type { AgreementRevisionContent } from "@/lib/agreements/revision";
import { useAgreementWords } from "./words";

/** The signing rule of what was sent (worded in the page's language), else the draft's rule as the server put it. */
export function SigningRuleText({ text, content }: { text: string; content?: AgreementRevisionContent | null }) {
  const words = useAgreementWords();
  return <>{content ? words.rule(content.signingRule) : text}</>;
}

/** "Still to sign: Parent or guardian, Supervising teacher." */
export function StillToSign({ rows }: { rows: readonly Pick<SigningRow, "role" | "label">[] }) {
  const t = useTranslations("agreements");
  const words = useAgreementWords();
  return <>{t("stillToSignList", { names: rows.map((r) => words.signer(r)).join(", ") })}</>;
}

import { useTranslations } from "next-intl";
import type { MethodSpec } from "@/lib/mastery/methods";

/** How a level is worked out from ratings, in the page's language (lib's describeMethod says it in English for admins and logs). */
export function MethodSentence({ spec }: { spec: MethodSpec }) {
  const t = useTranslations("progress.methods");
  const { method, threshold } = spec;
  switch (method.kind) {
    case "WEIGHTED_AVERAGE":
    case "DECAYING_AVERAGE":
      return t(method.kind, { weight: method.weight, rest: 100 - method.weight });
    case "N_TIMES":
      return threshold === undefined ? t("N_TIMES_NO_THRESHOLD", { n: method.n }) : t("N_TIMES", { n: method.n, threshold });
    default:
      return t(method.kind);
  }
}

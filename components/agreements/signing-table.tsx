import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";
import type { SigningRow } from "@/lib/agreements/queries";
import { useAgreementWords } from "./words";

/** Who signs, who has (typed name and time) and who still has to. Server-rendered: times in one zone. */
export function SigningTable({ rows, caption }: { rows: readonly SigningRow[]; caption: string }) {
  const t = useTranslations("agreements.table");
  const locale = useLocale();
  const words = useAgreementWords();
  return (
    // Focusable, so the table scrolls from the keyboard on a narrow screen.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[20rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("signsAs")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("who")}
            </th>
            <th scope="col" className="py-2 font-semibold">
              {t("signature")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3">{words.signer(r)}</td>
              <td className="py-2 pr-3">{r.signature ? r.signature.name : r.names.length ? r.names.join(t("or")) : t("noOne")}</td>
              <td className="py-2">
                {r.signature ? (
                  t("signedOn", { typedName: r.signature.typedName, time: formatTime(r.signature.signedAt, locale) })
                ) : (
                  <span className="font-medium text-amber-900">{t("stillToSign")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

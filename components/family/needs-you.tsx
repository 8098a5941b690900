import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { Need } from "@/lib/family/needs";

/** Agreements to sign and plans to acknowledge, each a link to where it is done. */
export function NeedsYou({ needs, childName }: { needs: Need[]; childName: string }) {
  const t = useTranslations("family.needs");
  const locale = useLocale();
  return (
    <Card aria-labelledby="needs-heading">
      <h2 id="needs-heading" className="mb-3">
        {t("heading")}
      </h2>
      {needs.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {needs.map((n) =>
            n.kind === "sign" ? (
              <li key={`sign-${n.planId}`} className="text-sm">
                <span className="block">{t("sign", { title: n.planTitle, date: formatDay(n.since, locale) })}</span>
                <Link href={`/plans/${n.planId}/agreement`} className="font-medium">
                  {t("signLink")}
                </Link>
              </li>
            ) : (
              <li key={`ack-${n.planId}`} className="text-sm">
                <span className="block">
                  {n.acknowledgedVersion === null
                    ? t("approved", { name: childName, title: n.planTitle, version: n.version })
                    : t("changed", { title: n.planTitle, acknowledged: n.acknowledgedVersion, version: n.version })}
                </span>
                {/* Named without the plan's title, which the plans table links already: the item gives the context. */}
                <Link href={`/plans/${n.planId}#acknowledge`} className="font-medium">
                  {t("acknowledgeLink")}
                </Link>
              </li>
            ),
          )}
        </ul>
      )}
    </Card>
  );
}

import Link from "next/link";
import { useTranslations } from "next-intl";

export default function Forbidden() {
  const t = useTranslations("auth.errorPages");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-rose-700">{t("forbiddenCode")}</p>
      <h1 className="mt-2">{t("forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("forbiddenBody")}</p>
      <p className="mt-6">
        <Link href="/">{t("home")}</Link>
      </p>
    </main>
  );
}

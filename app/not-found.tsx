import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("auth.errorPages");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-slate-600">{t("notFoundCode")}</p>
      <h1 className="mt-2">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("notFoundBody")}</p>
      <p className="mt-6">
        <Link href="/">{t("home")}</Link>
      </p>
    </main>
  );
}

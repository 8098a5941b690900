"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("auth.errorPages");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1>{t("errorTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errorBody")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}

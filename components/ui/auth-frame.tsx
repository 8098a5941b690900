import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";

/**
 * The frame of the pages people see before signing in. `chooseLocale` (the page passes the signed-out
 * switch's action: components may not import from app/) adds the language switch at the top.
 */
export function AuthFrame({ children, chooseLocale }: { children: ReactNode; chooseLocale?: (form: FormData) => Promise<void> }) {
  const t = useTranslations("auth.frame");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      {chooseLocale ? (
        <div className="mb-4 flex justify-end text-sm">
          <LanguageSwitcher action={chooseLocale} />
        </div>
      ) : null}
      <div className="mb-8 text-center">
        <p className="text-3xl font-bold tracking-tight text-indigo-800">Pathways</p>
        <p className="mt-2 text-sm text-slate-700">{t("tagline")}</p>
      </div>
      {children}
    </main>
  );
}

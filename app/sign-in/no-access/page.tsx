import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/ui/auth-frame";
import { chooseSignedOutLocaleAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("auth.noAccess");
  return { title: t("metaTitle") };
}

// Where single sign-on ends for someone the roster does not know: no account is made.
export default async function NoAccessPage() {
  const t = await getTranslations("auth.noAccess");
  return (
    <AuthFrame chooseLocale={chooseSignedOutLocaleAction}>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-xl">{t("title")}</h1>
        <p className="mb-3 text-sm text-slate-800">{t("noRecord")}</p>
        <p className="mb-4 text-sm text-slate-800">{t("askOffice")}</p>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </div>
    </AuthFrame>
  );
}

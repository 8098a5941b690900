import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetLinkIsUsable } from "@/lib/auth/password-reset";
import { chooseSignedOutLocaleAction } from "../sign-in/actions";
import { resetPasswordAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("auth.resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const t = await getTranslations("auth");
  const footer = <Link href="/sign-in">{t("backToSignIn")}</Link>;
  if (!(await resetLinkIsUsable(value))) {
    return (
      <AuthCard title={t("resetPassword.unusableTitle")} footer={footer} chooseLocale={chooseSignedOutLocaleAction}>
        <p className="text-sm text-slate-700">{t("resetPassword.unusable")}</p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password">{t("resetPassword.askForNewLink")}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("resetPassword.title")} intro={t("resetPassword.intro")} footer={footer} chooseLocale={chooseSignedOutLocaleAction}>
      <ResetPasswordForm token={value} reset={resetPasswordAction} />
    </AuthCard>
  );
}

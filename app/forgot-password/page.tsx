import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-reset-schema";
import { chooseSignedOutLocaleAction } from "../sign-in/actions";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("auth.forgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("forgotPassword.title")}
      intro={t("forgotPassword.intro", { minutes: RESET_LINK_MINUTES })}
      footer={<Link href="/sign-in">{t("backToSignIn")}</Link>}
      chooseLocale={chooseSignedOutLocaleAction}
    >
      <ForgotPasswordForm request={requestPasswordResetAction} />
    </AuthCard>
  );
}

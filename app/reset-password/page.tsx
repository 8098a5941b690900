import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetLinkIsUsable } from "@/lib/auth/password-reset";
import { RESET_LINK_UNUSABLE } from "@/lib/auth/password-reset-schema";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const footer = <Link href="/sign-in">Back to sign in</Link>;
  if (!(await resetLinkIsUsable(value))) {
    return (
      <AuthCard title="This link cannot be used" footer={footer}>
        <p className="text-sm text-slate-700">{RESET_LINK_UNUSABLE}</p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro="Setting a new password signs you out everywhere you are signed in." footer={footer}>
      <ResetPasswordForm token={value} reset={resetPasswordAction} />
    </AuthCard>
  );
}

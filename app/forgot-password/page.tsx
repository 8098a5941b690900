import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-reset-schema";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      intro={`Type the email you sign in with. We will send you a link to choose a new password; it works for ${RESET_LINK_MINUTES} minutes.`}
      footer={<Link href="/sign-in">Back to sign in</Link>}
    >
      <ForgotPasswordForm request={requestPasswordResetAction} />
    </AuthCard>
  );
}

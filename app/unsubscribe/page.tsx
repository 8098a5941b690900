import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { Resubscribe } from "@/components/notifications/resubscribe";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { resubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe" };

/**
 * Opening the link in an email is the one click: that kind of email stops for that person, signed
 * in or not (the signed link is the authority). The page offers to undo it.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const link = { v: one(raw.v), u: one(raw.u), k: one(raw.k), s: one(raw.s) };
  const done = await unsubscribe(link);
  const footer = <Link href="/sign-in">Sign in to Pathways</Link>;
  if (!done) {
    return (
      <AuthCard title="This link cannot be used" footer={footer}>
        <p className="text-sm text-slate-700">
          The link is incomplete or was changed. Open it again from the email, or sign in and choose your email settings under Your account.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="You are unsubscribed" footer={footer}>
      <p role="status" className="text-sm text-slate-700">
        You will no longer get emails about “{done.kind.label.toLowerCase()}”. You still see them on your Notifications page when you sign
        in.
      </p>
      <Resubscribe link={link} action={resubscribeAction} />
    </AuthCard>
  );
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

import type { Metadata } from "next";
import Link from "next/link";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { preferencesOf } from "@/lib/notifications/preferences";
import { savePreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Email from Pathways" };

export default async function EmailPreferencesPage() {
  const actor = await requireActor();
  const kinds = await preferencesOf(actor);
  return (
    <>
      <PageHeader
        title="Email from Pathways"
        description="Choose how each kind of notification reaches you by email. Everything is also on your Notifications page, whatever you choose here."
      />
      <p className="mb-4 text-sm text-slate-700">
        A digest is one email listing what came in: daily digests go out each afternoon, weekly ones on Mondays. Emails say what happened
        and about whom, never what was written: that stays behind sign-in.{" "}
        <Link href="/notifications" className="underline">
          Open your notifications
        </Link>
      </p>
      <EmailPreferencesForm kinds={kinds} action={savePreferencesAction} />
    </>
  );
}

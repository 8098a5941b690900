import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { preferencesOf } from "@/lib/notifications/preferences";
import { savePreferencesAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("notifications.email");
  return { title: t("title") };
}

export default async function EmailPreferencesPage() {
  const actor = await requireActor();
  const kinds = await preferencesOf(actor);
  const t = await getTranslations("notifications.email");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 text-sm text-slate-700">
        {t("digests")}{" "}
        <Link href="/notifications" className="underline">
          {t("openNotifications")}
        </Link>
      </p>
      <EmailPreferencesForm kinds={kinds} action={savePreferencesAction} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { Resubscribe } from "@/components/notifications/resubscribe";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { chooseSignedOutLocaleAction } from "../sign-in/actions";
import { resubscribeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("email.unsubscribe");
  return { title: t("metaTitle") };
}

/**
 * Opening the link in an email is the one click: that kind of email stops for that person, signed
 * in or not (the signed link is the authority). The page offers to undo it. Signed out, it is in
 * this browser's language (lib/i18n/locale.ts), switchable like the sign-in page's.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const link = { v: one(raw.v), u: one(raw.u), k: one(raw.k), s: one(raw.s) };
  const done = await unsubscribe(link);
  const [t, locale] = await Promise.all([getTranslations("email"), getLocale()]);
  const footer = <Link href="/sign-in">{t("unsubscribe.signIn")}</Link>;
  if (!done) {
    return (
      <AuthCard title={t("unsubscribe.invalidTitle")} footer={footer} chooseLocale={chooseSignedOutLocaleAction}>
        <p className="text-sm text-slate-700">{t("unsubscribe.invalidBody")}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("unsubscribe.doneTitle")} footer={footer} chooseLocale={chooseSignedOutLocaleAction}>
      <p role="status" className="text-sm text-slate-700">
        {t("unsubscribe.doneBody", { kind: t(`kinds.${done.kind.id}`).toLocaleLowerCase(locale) })}
      </p>
      <Resubscribe link={link} action={resubscribeAction} />
    </AuthCard>
  );
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

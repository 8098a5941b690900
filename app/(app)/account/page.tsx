import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { hasPassword, listOwnSessions } from "@/lib/auth/account";
import { currentSessionId, requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** How a session signed in, by its method's id ("google"); an unknown method shows its id. */
const METHODS = ["password", "oidc", "google", "microsoft-entra-id"] as const;
const isKnownMethod = (m: string): m is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(m);

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const changed = (await searchParams).password === "changed";
  const actor = await requireActor();
  const [sessions, withPassword, thisSession] = await Promise.all([listOwnSessions(actor), hasPassword(actor), currentSessionId()]);
  const [t, locale] = await Promise.all([getTranslations("account"), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} description={`${actor.name} · ${actor.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-3">
            {t("sessions.heading")}
          </h2>
          <Table
            caption={t("sessions.caption")}
            columns={[{ label: t("sessions.method") }, { label: t("sessions.since") }, { label: t("sessions.lastActive") }]}
          >
            {sessions.map((s) => (
              <tr key={s.id}>
                <td className="px-4 py-3">
                  {isKnownMethod(s.method) ? t(`sessions.methods.${s.method}`) : s.method}
                  {s.id === thisSession ? (
                    <span className="ml-2 text-xs font-medium text-indigo-800">{t("sessions.thisBrowser")}</span>
                  ) : null}
                </td>
                <td className="px-4 py-3">{formatTime(s.createdAt, locale)}</td>
                <td className="px-4 py-3">{formatTime(s.lastSeenAt, locale)}</td>
              </tr>
            ))}
          </Table>
          <p className="my-3 text-sm text-slate-700">{t("sessions.lost")}</p>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="secondary">
              {t("sessions.signOutEverywhere")}
            </Button>
          </form>
        </Card>
        <Card aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-3">
            {t("password.heading")}
          </h2>
          {changed ? <FocusedStatus className="mb-4">{t("password.changed")}</FocusedStatus> : null}
          {withPassword ? (
            <ChangePasswordForm action={changePasswordAction} />
          ) : (
            <p className="text-sm text-slate-700">{t("password.none")}</p>
          )}
        </Card>
        <Card aria-labelledby="email-heading">
          <h2 id="email-heading" className="mb-3">
            {t("email.heading")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("email.body")}</p>
          <Link href="/account/notifications" className="underline">
            {t("email.link")}
          </Link>
        </Card>
      </div>
    </>
  );
}

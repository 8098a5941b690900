import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { hasPassword, listOwnSessions } from "@/lib/auth/account";
import { currentSessionId, requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const METHOD: Record<string, string> = {
  password: "Email and password",
  oidc: "School account",
  google: "Google",
  "microsoft-entra-id": "Microsoft",
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const changed = (await searchParams).password === "changed";
  const actor = await requireActor();
  const [sessions, withPassword, thisSession] = await Promise.all([listOwnSessions(actor), hasPassword(actor), currentSessionId()]);
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-3">
            Where you are signed in
          </h2>
          <Table caption="Your open sessions" columns={[{ label: "Signed in with" }, { label: "Since" }, { label: "Last active" }]}>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td className="px-4 py-3">
                  {METHOD[s.method] ?? s.method}
                  {s.id === thisSession ? <span className="ml-2 text-xs font-medium text-indigo-800">(this browser)</span> : null}
                </td>
                <td className="px-4 py-3">{formatTime(s.createdAt)}</td>
                <td className="px-4 py-3">{formatTime(s.lastSeenAt)}</td>
              </tr>
            ))}
          </Table>
          <p className="my-3 text-sm text-slate-700">
            Lost a phone, or signed in on a shared computer? Signing out everywhere ends every session above, this one too.
          </p>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="secondary">
              Sign out everywhere
            </Button>
          </form>
        </Card>
        <Card aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-3">
            Password
          </h2>
          {changed ? <FocusedStatus className="mb-4">Your password was changed. Every other device was signed out.</FocusedStatus> : null}
          {withPassword ? (
            <ChangePasswordForm action={changePasswordAction} />
          ) : (
            <p className="text-sm text-slate-700">You sign in with your school account, so you have no Pathways password to change.</p>
          )}
        </Card>
        <Card aria-labelledby="email-heading">
          <h2 id="email-heading" className="mb-3">
            Email
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            Choose which notifications also reach you by email: at once, in a daily or weekly digest, or not at all.
          </p>
          <Link href="/account/notifications" className="underline">
            Choose your email
          </Link>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/mark-read-button";
import { MarkOneRead } from "@/components/notifications/mark-one-read";
import { KeysetNav } from "@/components/people/keyset-nav";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { groupByDay, listNotifications, unreadCount } from "@/lib/notifications/queries";
import { markAllReadAction } from "../actions";
import { markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const param = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

/** "Today", "Yesterday", else the date. */
function dayLabel(day: string, now = new Date()): string {
  if (day === isoDay(now)) return "Today";
  if (day === isoDay(new Date(now.getTime() - 86_400_000))) return "Yesterday";
  return formatDay(day);
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [list, unread] = await Promise.all([
    listNotifications(actor, { after: param(params.after), before: param(params.before) }),
    unreadCount(actor),
  ]);
  const days = groupByDay(list.items);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            {unread ? `${unread} unread.` : "All read."}{" "}
            <Link href="/account/notifications" className="underline">
              Choose which reach you by email
            </Link>
          </>
        }
        actions={unread ? <MarkReadButton action={markAllReadAction} /> : null}
      />
      {list.items.length === 0 ? <EmptyState>Nothing yet. You will hear here when something on a plan changes.</EmptyState> : null}
      <div className="space-y-6">
        {days.map((d) => (
          <section key={d.day} aria-labelledby={`day-${d.day}`}>
            <h2 id={`day-${d.day}`} className="mb-2 text-sm font-semibold text-slate-700">
              {dayLabel(d.day)}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
              {d.items.map((n) => (
                <li key={n.id} className={`px-4 py-3 text-sm ${n.readAt ? "" : "bg-indigo-50/50"}`}>
                  <p id={`notification-${n.id}`} tabIndex={-1} className="font-medium">
                    {n.readAt ? null : <span className="sr-only">Unread: </span>}
                    {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
                  </p>
                  {n.body ? <p className="mt-0.5 line-clamp-2 text-slate-700">{n.body}</p> : null}
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
                    <span>{formatTime(n.createdAt)}</span>
                    {n.readAt ? null : <MarkOneRead notificationId={n.id} title={n.title} action={markReadAction} />}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <KeysetNav
        previous={list.previous}
        next={list.next}
        href={(c) => `/notifications?${new URLSearchParams("after" in c ? { after: c.after } : { before: c.before })}`}
      />
    </>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/components/mark-read-button";
import { MarkOneRead } from "@/components/notifications/mark-one-read";
import { KeysetNav } from "@/components/people/keyset-nav";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { groupByDay, listNotifications, unreadCount } from "@/lib/notifications/queries";
import { unreadText } from "@/lib/notifications/unread";
import { markAllReadAction } from "../actions";
import { markReadAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

const param = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

/** "Today", "Yesterday", else the date. */
function dayLabel(day: string, labels: { today: string; yesterday: string }, locale: string, now = new Date()): string {
  if (day === isoDay(now)) return labels.today;
  if (day === isoDay(new Date(now.getTime() - 86_400_000))) return labels.yesterday;
  return formatDay(day, locale);
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("notifications"), getLocale()]);
  const [list, unread] = await Promise.all([
    listNotifications(actor, { after: param(params.after), before: param(params.before) }, undefined, locale),
    unreadCount(actor),
  ]);
  const days = groupByDay(list.items);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {unread ? t("unread", { count: unreadText(unread) }) : t("allRead")}{" "}
            <Link href="/account/notifications" className="underline">
              {t("chooseEmail")}
            </Link>
          </>
        }
        actions={unread ? <MarkReadButton action={markAllReadAction} /> : null}
      />
      {list.items.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      <div className="space-y-6">
        {days.map((d) => (
          <section key={d.day} aria-labelledby={`day-${d.day}`}>
            <h2 id={`day-${d.day}`} className="mb-2 text-sm font-semibold text-slate-700">
              {dayLabel(d.day, { today: t("today"), yesterday: t("yesterday") }, locale)}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
              {d.items.map((n) => (
                <li key={n.id} className={`px-4 py-3 text-sm ${n.readAt ? "" : "bg-indigo-50/50"}`}>
                  <p id={`notification-${n.id}`} tabIndex={-1} className="font-medium">
                    {n.readAt ? null : <span className="sr-only">{t("unreadPrefix")}</span>}
                    {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
                  </p>
                  {n.body ? <p className="mt-0.5 line-clamp-2 text-slate-700">{n.body}</p> : null}
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
                    <span>{formatTime(n.createdAt, locale)}</span>
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

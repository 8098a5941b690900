import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/mark-read-button";
import { EmptyState, PageHeader, Pagination } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { listNotifications } from "@/lib/notifications/queries";
import { pageNumber } from "@/lib/pagination";
import { markAllReadAction } from "../actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireActor();
  const page = pageNumber((await searchParams).page);
  const list = await listNotifications(actor, page);
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={list.items.some((n) => !n.readAt) ? <MarkReadButton action={markAllReadAction} /> : null}
      />
      {list.items.length === 0 ? <EmptyState>Nothing yet. You will hear here when something on a plan changes.</EmptyState> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {list.items.map((n) => (
          <li key={n.id} className={`px-4 py-3 text-sm ${n.readAt ? "" : "bg-indigo-50/50"}`}>
            <p className="font-medium">
              {n.readAt ? null : <span className="sr-only">Unread: </span>}
              {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
            </p>
            {n.body ? <p className="mt-0.5 line-clamp-2 text-slate-700">{n.body}</p> : null}
            <p className="mt-0.5 text-xs text-slate-600">{formatTime(n.createdAt)}</p>
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/notifications?page=${p}`} />
    </>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { unreadText } from "@/lib/notifications/unread";

export function NavLinks({ links, unreadLabel }: { links: { href: string; label: string; badge?: number }[]; unreadLabel: string }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {links.map((l) => {
        // The longest link that matches is the current one: /admin/roster is "Roster import", not also "Overview".
        const matches = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
        const current = matches(l.href) && !links.some((o) => o.href.length > l.href.length && matches(o.href));
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? "page" : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${current ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {l.label}
              {l.badge ? (
                <span className="ml-1.5 rounded-full bg-indigo-700 px-1.5 py-0.5 text-xs text-white">
                  {unreadText(l.badge)}
                  <span className="sr-only"> {unreadLabel}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

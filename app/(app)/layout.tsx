import Link from "next/link";
import type { ReactNode } from "react";
import { MembershipSwitcher } from "@/components/membership-switcher";
import { NavLinks } from "@/components/nav-links";
import { membershipLabel, ROLE_HOME } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { unreadCount } from "@/lib/notifications/queries";
import { signOutAction, switchMembershipAction } from "./actions";

const NAV: Record<Role, { href: string; label: string }[]> = {
  STUDENT: [
    { href: "/student", label: "My plans" },
    { href: "/plans/new", label: "New plan" },
    { href: "/profile", label: "My profile" },
    { href: "/progress", label: "My progress" },
    { href: "/records", label: "Learning records" },
    { href: "/templates", label: "Templates" },
  ],
  TEACHER: [
    { href: "/teacher", label: "Review & students" },
    { href: "/teacher/classes", label: "Class mastery" },
    { href: "/templates", label: "Templates" },
  ],
  GUARDIAN: [{ href: "/family", label: "My children" }],
  ADMIN: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/people", label: "People" },
    { href: "/admin/classes", label: "Classes" },
    { href: "/admin/roster", label: "Roster import" },
    { href: "/admin/standards", label: "Standards" },
    { href: "/admin/mastery", label: "Mastery" },
    { href: "/admin/independent-study", label: "Independent study" },
    { href: "/admin/tools", label: "Connected tools" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/disclosures", label: "Who saw what" },
    { href: "/admin/deletions", label: "Deletions" },
    { href: "/templates", label: "Templates" },
  ],
};

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const unread = await unreadCount(actor);
  const links = [
    ...NAV[actor.acting.role],
    { href: "/notifications", label: "Notifications", badge: unread },
    { href: "/help", label: "Help" },
  ];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href={ROLE_HOME[actor.acting.role]} className="text-lg font-bold text-indigo-800 no-underline">
              Pathways
            </Link>
            <nav aria-label="Main">
              <NavLinks links={links} />
            </nav>
          </div>
          <div className="flex w-full flex-wrap items-center gap-3 text-sm sm:w-auto">
            <span className="text-slate-700">
              <span className="font-medium text-slate-900">{actor.name}</span>
              {actor.memberships.length < 2 ? <> · {membershipLabel(actor.acting)}</> : null}
            </span>
            <MembershipSwitcher
              options={actor.memberships.map((m) => ({ id: m.id, label: membershipLabel(m) }))}
              current={actor.acting.id}
              action={switchMembershipAction}
            />
            <Link href="/account" className="rounded-md px-2 py-1.5 hover:bg-slate-100">
              Your account
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}

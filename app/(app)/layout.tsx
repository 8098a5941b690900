import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { MembershipSwitcher } from "@/components/membership-switcher";
import { NavLinks } from "@/components/nav-links";
import { RouteFocus } from "@/components/route-focus";
import type { ActorMembership } from "@/lib/auth/actor";
import { ROLE_HOME } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n/catalogues";
import { clientMessages } from "@/lib/i18n/client-messages";
import { requireActor } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { unreadCount } from "@/lib/notifications/queries";
import { chooseLocaleAction, signOutAction, switchMembershipAction } from "./actions";

type NavKey = keyof Messages["common"]["nav"];

const NAV: Record<Role, { href: string; label: NavKey }[]> = {
  STUDENT: [
    { href: "/student", label: "myPlans" },
    { href: "/plans/new", label: "newPlan" },
    { href: "/profile", label: "myProfile" },
    { href: "/progress", label: "myProgress" },
    { href: "/records", label: "learningRecords" },
    { href: "/templates", label: "templates" },
  ],
  TEACHER: [
    { href: "/teacher", label: "reviewStudents" },
    { href: "/teacher/classes", label: "classMastery" },
    { href: "/templates", label: "templates" },
  ],
  GUARDIAN: [{ href: "/family", label: "myChildren" }],
  ADMIN: [
    { href: "/admin", label: "overview" },
    { href: "/admin/people", label: "people" },
    { href: "/admin/classes", label: "classes" },
    { href: "/admin/roster", label: "rosterImport" },
    { href: "/admin/standards", label: "standards" },
    { href: "/admin/mastery", label: "mastery" },
    { href: "/admin/independent-study", label: "independentStudy" },
    { href: "/admin/tools", label: "connectedTools" },
    { href: "/admin/audit", label: "auditLog" },
    { href: "/admin/disclosures", label: "whoSawWhat" },
    { href: "/admin/deletions", label: "deletions" },
    { href: "/templates", label: "templates" },
  ],
};

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const unread = await unreadCount(actor);
  const [t, messages] = await Promise.all([getTranslations("common"), getMessages()]);
  const links = [
    ...NAV[actor.acting.role].map((l) => ({ href: l.href, label: t(`nav.${l.label}`) })),
    { href: "/notifications", label: t("nav.notifications"), badge: unread },
    { href: "/help", label: t("nav.help") },
  ];
  const membershipLabel = (m: ActorMembership) => {
    const organization = m.organizationName;
    if (m.role === "ADMIN") return t(m.organizationType === "DISTRICT" ? "roles.districtAdmin" : "roles.schoolAdmin", { organization });
    return t(m.role === "GUARDIAN" ? "roles.guardian" : m.role === "TEACHER" ? "roles.teacher" : "roles.student", { organization });
  };
  return (
    <NextIntlClientProvider messages={clientMessages(messages as Messages, "app")}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href={ROLE_HOME[actor.acting.role]} className="text-lg font-bold text-indigo-800 no-underline">
              Pathways
            </Link>
            <nav aria-label={t("nav.main")}>
              <NavLinks links={links} unreadLabel={t("nav.unread")} />
            </nav>
          </div>
          <div className="flex w-full flex-wrap items-center gap-3 text-sm sm:w-auto">
            <span className="text-slate-700">
              <span className="font-medium text-slate-900">{actor.name}</span>
              {actor.memberships.length < 2 ? <> · {membershipLabel(actor.acting)}</> : null}
            </span>
            <MembershipSwitcher
              labels={{ actingAs: t("header.actingAs"), submit: t("header.switch") }}
              options={actor.memberships.map((m) => ({ id: m.id, label: membershipLabel(m) }))}
              current={actor.acting.id}
              action={switchMembershipAction}
            />
            <LanguageSwitcher action={chooseLocaleAction} />
            <Link href="/account" className="rounded-md px-2 py-1.5 hover:bg-slate-100">
              {t("header.yourAccount")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                {t("header.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
        <RouteFocus />
      </main>
    </NextIntlClientProvider>
  );
}

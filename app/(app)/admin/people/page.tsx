import type { Metadata } from "next";
import Link from "next/link";
import { KeysetNav } from "@/components/people/keyset-nav";
import { PeopleFilters } from "@/components/people/people-filters";
import { StatusMessage } from "@/components/people/status-message";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { administeredOrganizations, searchPeople } from "@/lib/people/admin-queries";
import { PEOPLE_STATUSES, ROLES } from "@/lib/people/admin-schemas";

export const metadata: Metadata = { title: "People" };

const DONE: Record<string, string> = {
  deleted: "The person was deleted.",
  "membership-ended": "The membership was ended. They no longer belong to a school you run.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const organizations = await administeredOrganizations(actor);
  const filters = {
    q: one("q")?.trim() ?? "",
    role: ROLES.find((r) => r === one("role")),
    organizationId: organizations.find((o) => o.id === one("school"))?.id,
    status: PEOPLE_STATUSES.find((s) => s === one("status")),
  };
  const people = await searchPeople(actor, { ...filters, after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => {
    const query = new URLSearchParams(cursor);
    if (filters.q) query.set("q", filters.q);
    if (filters.role) query.set("role", filters.role);
    if (filters.organizationId) query.set("school", filters.organizationId);
    if (filters.status) query.set("status", filters.status);
    return `/admin/people?${query}`;
  };
  const hidden = "hidden md:table-cell";
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in the schools you run. Search by name or email; open a person to change their account, roles, classes or family."
        actions={<ButtonLink href="/admin/people/new">Add a person</ButtonLink>}
      />
      <div className="mb-4">
        <StatusMessage message={DONE[one("done") ?? ""]} />
      </div>
      <PeopleFilters {...filters} organizations={organizations} />
      {people.items.length === 0 ? (
        <EmptyState>No one matches. Try fewer letters, another role, or “Former members”.</EmptyState>
      ) : (
        <Table
          caption="People"
          columns={[
            { label: "Name" },
            { label: "Email", className: hidden },
            { label: "Roles" },
            { label: "Last sign-in", className: hidden },
          ]}
        >
          {people.items.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/people/${p.id}`}>{p.name}</Link>
                {p.disabledAt ? <span className="ml-2 text-xs font-normal text-rose-700">(disabled)</span> : null}
                <span className="block text-xs font-normal break-all text-slate-600 md:hidden">{p.email}</span>
              </td>
              <td className={`px-4 py-3 break-all ${hidden}`}>{p.email}</td>
              <td className="px-4 py-3">
                <ul>
                  {p.memberships.map((m) => (
                    <li key={m.id} className={m.ended ? "text-slate-500" : undefined}>
                      {ROLE_LABEL[m.role]} <span className="text-slate-600">· {m.organizationName}</span>
                      {m.ended ? " (ended)" : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td className={`px-4 py-3 text-slate-700 ${hidden}`}>{p.lastSignInAt ? formatTime(p.lastSignInAt) : "Never"}</td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetNav previous={people.previous} next={people.next} href={href} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Table } from "@/components/ui/table";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { pageNumber } from "@/lib/pagination";
import { listPeople } from "@/lib/people/queries";

export const metadata: Metadata = { title: "People" };

const ROLES: Role[] = ["STUDENT", "TEACHER", "GUARDIAN", "ADMIN"];

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const page = pageNumber(params.page);
  const role = ROLES.find((r) => r === params.role);
  const people = await listPeople(actor, page, role);
  const href = (p: number, r?: Role) => `/admin/people?page=${p}${r ? `&role=${r}` : ""}`;
  return (
    <>
      <PageHeader
        title="People"
        description={`${people.total} ${role ? ROLE_LABEL[role].toLowerCase() + " accounts" : "accounts"} in your school or district.`}
      />
      <nav aria-label="Filter by role" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={href(1)}
          aria-current={!role ? "page" : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 aria-[current=page]:bg-indigo-50"
        >
          Everyone
        </Link>
        {ROLES.map((r) => (
          <Link
            key={r}
            href={href(1, r)}
            aria-current={role === r ? "page" : undefined}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 aria-[current=page]:bg-indigo-50"
          >
            {ROLE_LABEL[r]}
          </Link>
        ))}
      </nav>
      <Table caption="People" columns={[{ label: "Name" }, { label: "Email" }, { label: "Memberships" }, { label: "Last sign-in" }]}>
        {people.items.map((p) => (
          <tr key={p.id}>
            <td className="px-4 py-3 font-medium">
              {p.memberships.some((m) => m.role === "STUDENT") ? <Link href={`/students/${p.id}`}>{p.name}</Link> : p.name}
              {p.disabledAt ? <span className="ml-2 text-xs text-rose-700">(disabled)</span> : null}
            </td>
            <td className="px-4 py-3">{p.email}</td>
            <td className="px-4 py-3">
              <ul>
                {p.memberships.map((m) => (
                  <li key={`${m.role}-${m.organizationName}`}>
                    {ROLE_LABEL[m.role]} <span className="text-slate-600">· {m.organizationName}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td className="px-4 py-3 text-slate-700">{p.lastSignInAt ? formatTime(p.lastSignInAt) : "Never"}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={people.page} pageCount={people.pageCount} href={(p) => href(p, role)} />
    </>
  );
}

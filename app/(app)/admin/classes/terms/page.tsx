import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/classes/list-filters";
import { KeysetNav } from "@/components/people/keyset-nav";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { listTerms, schoolsForAdmin } from "@/lib/classes/queries";
import { formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Terms" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TermsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const schools = await schoolsForAdmin(actor);
  const organizationId = schools.find((s) => s.id === one("school"))?.id;
  const terms = await listTerms(actor, { organizationId, after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => {
    const query = new URLSearchParams(cursor);
    if (organizationId) query.set("school", organizationId);
    return `/admin/classes/terms?${query}`;
  };
  return (
    <>
      <PageHeader
        title="Terms"
        description="The school year's terms, newest first. A class with a term counts while the term is on."
        actions={
          <>
            <ButtonLink href="/admin/classes/terms/new">New term</ButtonLink>
            <ButtonLink href="/admin/classes" variant="secondary">
              Classes
            </ButtonLink>
          </>
        }
      />
      <ListFilters label="Filter terms" searchLabel="" q="" organizationId={organizationId} schools={schools} />
      {terms.items.length === 0 ? (
        <EmptyState>No terms yet.</EmptyState>
      ) : (
        <Table caption="Terms" columns={[{ label: "Term" }, { label: "Dates" }, { label: "Classes" }]}>
          {terms.items.map((t) => (
            <tr key={t.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/classes/terms/${t.id}`}>{t.name}</Link>
                {schools.length > 1 ? <span className="block text-xs font-normal text-slate-600">{t.schoolName}</span> : null}
              </td>
              <td className="px-4 py-3">
                {formatDay(t.startsOn)} – {formatDay(t.endsOn)}
              </td>
              <td className="px-4 py-3">{t.classCount}</td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetNav previous={terms.previous} next={terms.next} href={href} />
    </>
  );
}

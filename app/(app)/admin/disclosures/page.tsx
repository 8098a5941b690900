import type { Metadata } from "next";
import { DisclosureFilters } from "@/components/disclosure/disclosure-filters";
import { DisclosureList } from "@/components/disclosure/disclosure-list";
import { KeysetNav } from "@/components/people/keyset-nav";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { listDisclosures } from "@/lib/disclosure/queries";
import { filterQuery, filtersOf } from "@/lib/disclosure/schemas";

export const metadata: Metadata = { title: "Who saw what" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DisclosuresPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const filters = filtersOf(params);
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const entries = await listDisclosures(actor, filters, { after: one("after"), before: one("before") });
  const query = filterQuery(filters);
  const href = (cursor: { after: string } | { before: string }) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(cursor)) q.set(k, v);
    return `/admin/disclosures?${q}`;
  };
  return (
    <>
      <PageHeader
        title="Who saw what"
        description="Every time someone other than the student opened a student's record — allowed or refused — newest first. Students and families see who outside the family opened their records."
        actions={
          // A plain link: the file comes from a route handler, not a page.
          <a className={buttonClass("secondary")} href={`/admin/disclosures/disclosures.csv${query ? `?${query}` : ""}`} download>
            Download CSV
          </a>
        }
      />
      <DisclosureFilters filters={filters} />
      {entries.items.length === 0 ? (
        <EmptyState>Nothing matches. Try another name, fewer filters or a wider date range.</EmptyState>
      ) : (
        <DisclosureList entries={entries.items} label="Log entries" showAddress />
      )}
      <KeysetNav previous={entries.previous} next={entries.next} href={href} />
    </>
  );
}

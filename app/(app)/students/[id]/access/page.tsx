import type { Metadata } from "next";
import Link from "next/link";
import { DisclosureList } from "@/components/disclosure/disclosure-list";
import { KeysetNav } from "@/components/people/keyset-nav";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { familyAccessLog } from "@/lib/disclosure/family";
import { mayExport } from "@/lib/export/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Who opened these records" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** For the student and their guardians only: who outside the family opened the student's records. */
export default async function StudentAccessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? query[key] : undefined);
  const { student, entries } = await orNotFound(familyAccessLog(actor, id, { after: one("after"), before: one("before") }));
  const own = student.id === actor.id;
  // A guardian may download everything about their child (lib/export); the student is not offered it.
  const exportable = !own && (await mayExport(actor, student.id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={own ? "/profile" : `/students/${student.id}`} className="underline">
          {own ? "My profile" : student.name}
        </Link>
      </p>
      <PageHeader
        title={own ? "Who opened my records" : `Who opened ${student.name}’s records`}
        description="Teachers and school staff who opened these records, newest first. Your own family's visits are not listed. Ask the school if something looks wrong."
      />
      {exportable ? (
        <p className="mb-6">
          <a href={`/api/students/${student.id}/export`} download className="font-medium underline">
            Download everything about {student.name}
          </a>
          <span className="block text-sm text-slate-700">
            One ZIP file: plans, evidence and its files, learning records, agreements, notifications and this log, with a README.
          </span>
        </p>
      ) : null}
      {entries.items.length === 0 ? (
        <EmptyState>No one outside the family has opened these records yet.</EmptyState>
      ) : (
        <DisclosureList entries={entries.items} label="Who opened these records" />
      )}
      <KeysetNav
        previous={entries.previous}
        next={entries.next}
        href={(cursor) => `/students/${student.id}/access?${new URLSearchParams(cursor)}`}
      />
    </>
  );
}

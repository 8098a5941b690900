import type { Metadata } from "next";
import Link from "next/link";
import { RecordList } from "@/components/records/record-list";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { listStudentRecords } from "@/lib/records/queries";

export const metadata: Metadata = { title: "Learning records" };

/** A student's learning records, read-only, for their guardians and the teachers who teach them now. */
export default async function StudentRecordsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const after = typeof query.after === "string" ? query.after : undefined;
  const page = await orNotFound(
    listStudentRecords(actor, id, after).catch((e: unknown) => (after ? listStudentRecords(actor, id) : Promise.reject(e))),
  );
  const own = page.student.id === actor.id;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/students/${page.student.id}`} className="underline">
          {own ? "My page" : page.student.name}
        </Link>
      </p>
      <PageHeader
        title={own ? "My learning records" : `${page.student.name}’s learning records`}
        description="Learning outside class — at home, online, at work, in the community or on a trip — in the student’s own words."
      />
      <RecordList
        items={page.items}
        label={`Learning records of ${page.student.name}`}
        empty={`${own ? "You have" : `${page.student.name} has`} no learning records yet.`}
        olderHref={page.next ? `/students/${page.student.id}/records?after=${page.next}` : undefined}
      />
    </>
  );
}

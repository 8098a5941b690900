import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecordList } from "@/components/records/record-list";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { listStudentRecords } from "@/lib/records/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("family.studentRecords");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("family");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/students/${page.student.id}`} className="underline">
          {own ? t("student.myPage") : page.student.name}
        </Link>
      </p>
      <PageHeader
        title={own ? t("studentRecords.mine") : t("studentRecords.theirs", { name: page.student.name })}
        description={t("studentRecords.description")}
      />
      <RecordList
        items={page.items}
        label={t("studentRecords.label", { name: page.student.name })}
        empty={own ? t("studentRecords.emptyMine") : t("studentRecords.emptyTheirs", { name: page.student.name })}
        olderHref={page.next ? `/students/${page.student.id}/records?after=${page.next}` : undefined}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DisclosureList } from "@/components/disclosure/disclosure-list";
import { KeysetNav } from "@/components/people/keyset-nav";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { familyAccessLog } from "@/lib/disclosure/family";
import { mayExport } from "@/lib/export/queries";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("family.access");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** For the student and their guardians only: who outside the family opened the student's records. */
export default async function StudentAccessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? query[key] : undefined);
  const { student, entries } = await orNotFound(familyAccessLog(actor, id, { after: one("after"), before: one("before") }));
  const own = student.id === actor.id;
  const t = await getTranslations("family.access");
  // A guardian may download everything about their child (lib/export); the student is not offered it.
  const exportable = !own && (await mayExport(actor, student.id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={own ? "/profile" : `/students/${student.id}`} className="underline">
          {own ? t("myProfile") : student.name}
        </Link>
      </p>
      <PageHeader title={own ? t("mine") : t("theirs", { name: student.name })} description={t("description")} />
      {exportable ? (
        <p className="mb-6">
          <a href={`/api/students/${student.id}/export`} download className="font-medium underline">
            {t("download", { name: student.name })}
          </a>
          <span className="block text-sm text-slate-700">{t("downloadHint")}</span>
        </p>
      ) : null}
      {entries.items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <DisclosureList entries={entries.items} label={t("listLabel")} />
      )}
      <KeysetNav
        previous={entries.previous}
        next={entries.next}
        href={(cursor) => `/students/${student.id}/access?${new URLSearchParams(cursor)}`}
      />
    </>
  );
}

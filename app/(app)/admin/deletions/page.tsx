import type { Metadata } from "next";
import Link from "next/link";
import { KeysetNav } from "@/components/people/keyset-nav";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { REASON_LABEL, removedLines } from "@/lib/people/certificate-words";
import { listCertificates } from "@/lib/people/certificates";

export const metadata: Metadata = { title: "Deletions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeletionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const page = await listCertificates(actor, { after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => `/admin/deletions?${new URLSearchParams(cursor)}`;
  return (
    <>
      <PageHeader
        title="Deletions"
        description="A certificate for each person deleted — what was removed, when and by whom — newest first. Download one as a PDF to file it or send it to the family."
      />
      {page.items.length === 0 ? (
        <EmptyState>No one has been deleted yet.</EmptyState>
      ) : (
        <Table
          caption="Deletion certificates"
          columns={[{ label: "Person" }, { label: "When" }, { label: "Why" }, { label: "By" }, { label: "Removed" }]}
        >
          {page.items.map((c) => {
            const lines = removedLines(c.removed);
            return (
              <tr key={c.id}>
                <td className="px-4 py-3 font-medium">
                  <Link href={`/admin/deletions/${c.id}`}>{c.subjectName}</Link>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{formatTime(c.createdAt)}</td>
                <td className="px-4 py-3">{REASON_LABEL[c.reason] ?? c.reason}</td>
                <td className="px-4 py-3">{c.deletedByName}</td>
                <td className="px-4 py-3 text-slate-700">
                  {lines.slice(0, 3).join(", ") || "Their account only"}
                  {lines.length > 3 ? `, and ${lines.length - 3} more kinds` : ""}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <KeysetNav previous={page.previous} next={page.next} href={href} />
    </>
  );
}

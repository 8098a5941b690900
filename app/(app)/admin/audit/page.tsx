import type { Metadata } from "next";
import { Table } from "@/components/ui/table";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { pageNumber } from "@/lib/pagination";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("ADMIN");
  const page = pageNumber((await searchParams).page);
  const events = await listAuditEvents(actor, page);
  return (
    <>
      <PageHeader title="Audit log" description="Who did what to students' records, newest first." />
      <Table caption="Audit events" columns={[{ label: "When" }, { label: "Who" }, { label: "Action" }, { label: "Record" }]}>
        {events.items.map((e) => (
          <tr key={e.id}>
            <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatTime(e.createdAt)}</td>
            <td className="px-4 py-3">{e.actorName}</td>
            <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
            <td className="px-4 py-3 font-mono text-xs">
              {e.entityType} {e.entityId}
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={events.page} pageCount={events.pageCount} href={(p) => `/admin/audit?page=${p}`} />
    </>
  );
}

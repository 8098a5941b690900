import type { Metadata } from "next";
import { KeysetNav } from "@/components/people/keyset-nav";
import { Table } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/layout";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  // Keyset pages (older after a cursor, newer before one): no page numbers, no count of the whole log.
  const events = await listAuditEvents(actor, { after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => `/admin/audit?${new URLSearchParams(cursor)}`;
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
      <KeysetNav previous={events.previous} next={events.next} href={href} />
    </>
  );
}

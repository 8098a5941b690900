import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApplyPanel } from "@/components/roster/apply-panel";
import { IMPORT_STATUS_LABEL } from "@/components/roster/import-history";
import { RosterReportView } from "@/components/roster/roster-report";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { mayImportRoster } from "@/lib/roster/policy";
import { getRosterImport } from "@/lib/roster/queries";
import { applyRosterAction } from "../actions";

export const metadata: Metadata = { title: "Roster import" };

export default async function RosterImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("ADMIN");
  if (!mayImportRoster(actor)) forbidden();
  const { id } = await params;
  const found = await orNotFound(getRosterImport(actor, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/roster">← Roster import</Link>
      </p>
      <PageHeader
        title={`Roster import: ${found.fileName}`}
        description={`${IMPORT_STATUS_LABEL[found.status]} · checked ${formatTime(found.createdAt)} by ${found.actorName ?? "the command line"}${found.appliedAt ? ` · applied ${formatTime(found.appliedAt)}` : ""}`}
      />
      <RosterReportView
        report={found.report}
        heading={found.status === "APPLIED" ? "What was applied" : "Check results"}
        applied={found.status === "APPLIED"}
      />
      <ApplyPanel importId={found.id} report={found.report} status={found.status} apply={applyRosterAction} />
    </>
  );
}

import type { Metadata } from "next";
import { ImportHistory } from "@/components/roster/import-history";
import { RosterImporter } from "@/components/roster/roster-importer";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { mayImportRoster } from "@/lib/roster/policy";
import { listRosterImports } from "@/lib/roster/queries";
import { applyRosterAction, checkRosterAction } from "./actions";

export const metadata: Metadata = { title: "Roster import" };

const DESCRIPTION =
  "Bring in schools, classes, people and enrollments from your student information system's OneRoster 1.1 export. The files are checked first: nothing changes until you apply them.";

export default async function RosterPage() {
  const actor = await requireRole("ADMIN");
  if (!mayImportRoster(actor)) {
    return (
      <>
        <PageHeader title="Roster import" description={DESCRIPTION} />
        <Card>
          <p className="text-sm">
            A roster import changes people and classes in every school of the district, so only a district administrator can run it. Ask
            your district administrator to import the roster.
          </p>
        </Card>
      </>
    );
  }
  const imports = await listRosterImports(actor);
  return (
    <>
      <PageHeader title="Roster import" description={DESCRIPTION} />
      <RosterImporter check={checkRosterAction} apply={applyRosterAction} />
      <ImportHistory imports={imports} />
    </>
  );
}

import type { Metadata } from "next";
import { TermForm } from "@/components/classes/term-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { schoolsForAdmin } from "@/lib/classes/queries";
import { saveTermAction } from "../../actions";

export const metadata: Metadata = { title: "New term" };

export default async function NewTermPage() {
  const actor = await requireRole("ADMIN");
  const schools = await schoolsForAdmin(actor);
  return (
    <>
      <PageHeader title="New term" description="A semester, a trimester or the whole year, from its first day to its last." />
      <TermForm
        initial={{ termId: "", organizationId: schools.length === 1 ? (schools[0]?.id ?? "") : "", name: "", startsOn: "", endsOn: "" }}
        schools={schools}
        save={saveTermAction}
      />
    </>
  );
}

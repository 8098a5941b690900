import type { Metadata } from "next";
import Link from "next/link";
import { ScaleForm } from "@/components/mastery-admin/scale-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { scaleOwners } from "@/lib/mastery/scales";
import { saveScaleAction } from "../../actions";

export const metadata: Metadata = { title: "New scale" };

export default async function NewScalePage() {
  const actor = await requireRole("ADMIN");
  const owners = await scaleOwners(actor);
  return (
    <>
      <PageHeader title="New proficiency scale" description="The levels teachers rate evidence on, lowest first." />
      <p className="mb-4 text-sm">
        <Link href="/admin/mastery">Back to mastery settings</Link>
      </p>
      <ScaleForm
        initial={{
          scaleId: "",
          organizationId: owners.length === 1 ? (owners[0]?.id ?? "") : "",
          name: "",
          description: "",
          levels: [
            { id: "", name: "Beginning", points: 1, colour: "#b91c1c", description: "", proficient: false, isDefault: false },
            { id: "", name: "Proficient", points: 2, colour: "#15803d", description: "", proficient: true, isDefault: true },
          ],
        }}
        owners={owners}
        save={saveScaleAction}
      />
    </>
  );
}

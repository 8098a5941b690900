import type { Metadata } from "next";
import { StatusMessage } from "@/components/people/status-message";
import { OrganizationSettings } from "@/components/study-admin/organization-settings";
import { PageHeader } from "@/components/ui/layout";
import { studySettings } from "@/lib/agreements/settings";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Independent study settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS: Record<string, (where: string) => string> = {
  policy: (where) => `The board's policies for ${where} were saved. Agreements sent from now on copy them.`,
  "policy-removed": (where) => `${where} uses the district's policies again, for agreements sent from now on.`,
};

export default async function IndependentStudySettingsPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const settings = await studySettings(actor);
  const { district, schools } = settings;
  // The message names an organization this admin sees, never text from the address.
  const where = [district, ...schools].find((o) => o.id === params.organization);
  const status = typeof params.done === "string" && where ? STATUS[params.done]?.(where.name) : null;
  return (
    <>
      <PageHeader
        title="Independent study settings"
        description="The board's policies every independent study agreement states, the school year agreements fall within, and the days schools are closed."
      />
      <div className="mb-6 space-y-3">
        <StatusMessage message={status} />
        <p className="text-sm text-slate-700">
          An agreement copies the board&apos;s policies when it is sent for signatures: changing them here never alters an agreement already
          sent. A school without its own policies or school year uses the district&apos;s; the district&apos;s closures apply at every
          school.
        </p>
      </div>
      <div className="space-y-6">
        <OrganizationSettings organization={district} headingId="district-settings" />
        {schools.map((school, i) => (
          <OrganizationSettings key={school.id} organization={school} district={district} headingId={`school-settings-${i}`} />
        ))}
      </div>
    </>
  );
}

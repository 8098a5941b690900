import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyForm } from "@/components/mastery-admin/policy-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { DEFAULT_TIMES, DEFAULT_WEIGHT } from "@/lib/mastery/methods";
import { masterySettings, type PolicyAdminView } from "@/lib/mastery/settings";
import { removePolicyAction, setPolicyAction } from "../actions";

export const metadata: Metadata = { title: "Mastery policy" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function PolicyPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const organizationId = one(params.organization);
  const frameworkId = one(params.framework);
  const settings = await masterySettings(actor);
  // Only what the settings page lists for this admin can be opened here.
  const target = frameworkId
    ? settings.frameworks.find((f) => f.id === frameworkId && f.organizationId === organizationId)
    : organizationId === settings.district.id && settings.district.editable
      ? settings.district
      : settings.schools.find((s) => s.id === organizationId);
  if (!target) notFound();
  const where = "title" in target ? `${target.title}` : organizationId === settings.district.id ? "the district" : target.name;
  const own: PolicyAdminView | null = target.policy;
  const start = own ?? settings.district.policy;
  const method = start?.method;
  return (
    <>
      <PageHeader
        title={`Mastery policy: ${"title" in target ? target.title : target.name}`}
        description={
          own
            ? "Choose the scale and how a student's level is worked out from their ratings."
            : "This uses the district's policy now. Saving gives it a policy of its own, starting from the district's."
        }
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/mastery#policies">Back to mastery settings</Link>
      </p>
      <PolicyForm
        initial={{
          organizationId,
          frameworkId,
          scaleId: start && target.scales.some((s) => s.id === start.scale.id) ? start.scale.id : "",
          method: {
            kind: method?.kind ?? "MOST_RECENT",
            weight: method && "weight" in method ? method.weight : DEFAULT_WEIGHT,
            n: method && "n" in method ? method.n : DEFAULT_TIMES,
          },
          version: own?.version,
        }}
        scales={target.scales}
        where={where}
        policyId={own && (frameworkId || organizationId !== settings.district.id) ? own.id : undefined}
        save={setPolicyAction}
        remove={removePolicyAction}
      />
    </>
  );
}

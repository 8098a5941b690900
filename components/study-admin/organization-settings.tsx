import Link from "next/link";
import { Card } from "@/components/ui/layout";
import { describeMaxDays } from "@/lib/agreements/settings-schemas";
import { formatDay } from "@/lib/dates";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import type { Subject } from "@/lib/generated/prisma/enums.ts";

type Policy = {
  maxDaysToDue: Record<string, number>;
  missedAssignmentsLimit: number;
  satisfactoryProgress: string;
  requiredSubjects: Subject[];
  updatedAt: Date;
  updatedBy: string | null;
};
type Year = { startsOn: string; endsOn: string } | null;

export type OrganizationSettingsView = {
  id: string;
  name: string;
  editable: boolean;
  policy: Policy | null;
  year: Year;
  closureCount: number;
};

export const yearText = (y: NonNullable<Year>) => `${formatDay(y.startsOn)} to ${formatDay(y.endsOn)}`;

const closuresText = (n: number) => (n === 0 ? "No closures" : n === 1 ? "1 closure" : `${n} closures`);

const subjectsText = (subjects: readonly Subject[]) =>
  subjects.length ? subjects.map((s) => SUBJECT_LABEL[s]).join(", ") : "None required";

function PolicyFacts({ policy }: { policy: Policy }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-800">Longest time to a due date (school days, by grade)</dt>
      <dd className="text-slate-700">{describeMaxDays(policy.maxDaysToDue)}</dd>
      <dt className="font-medium text-slate-800">Missed assignments before an evaluation</dt>
      <dd className="text-slate-700">{policy.missedAssignmentsLimit}</dd>
      <dt className="font-medium text-slate-800">Satisfactory progress</dt>
      <dd className="break-words whitespace-pre-line text-slate-700">{policy.satisfactoryProgress}</dd>
      <dt className="font-medium text-slate-800">Subjects every agreement covers</dt>
      <dd className="text-slate-700">{subjectsText(policy.requiredSubjects)}</dd>
    </dl>
  );
}

/**
 * One organization's independent study settings at a glance: its board policies (or the
 * district's it falls back to), its school year and how many closures it has.
 */
export function OrganizationSettings({
  organization: o,
  district,
  headingId,
}: {
  organization: OrganizationSettingsView;
  /** The district's settings, for a school: what it uses where it has none of its own. */
  district?: OrganizationSettingsView;
  headingId: string;
}) {
  const query = `organization=${o.id}`;
  const year = o.year ?? district?.year ?? null;
  return (
    <Card aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId}>{district ? o.name : `${o.name} (district)`}</h2>
      <section aria-labelledby={`${headingId}-policy`} className="space-y-2">
        <h3 id={`${headingId}-policy`} className="text-base font-semibold">
          Board&apos;s policies
        </h3>
        {o.policy ? (
          <>
            {district ? <p className="text-sm text-slate-700">This school&apos;s own policies.</p> : null}
            <PolicyFacts policy={o.policy} />
            <p className="text-xs text-slate-600">
              Last changed {formatDay(o.policy.updatedAt)}
              {o.policy.updatedBy ? ` by ${o.policy.updatedBy}` : ""}.
            </p>
          </>
        ) : district ? (
          <p className="text-sm text-slate-700">
            Uses the district&apos;s policies{district.policy ? "." : ", which are not set yet: agreements cannot be sent until they are."}
          </p>
        ) : (
          <p className="text-sm text-slate-700">Not set yet: agreements cannot be sent until the district or the school sets them.</p>
        )}
        {o.editable ? (
          <Link href={`/admin/independent-study/policy?${query}`} className="inline-block text-sm">
            {o.policy ? "Change the policies" : district ? "Set this school's own policies" : "Set the policies"}
            <span className="sr-only"> of {o.name}</span>
          </Link>
        ) : (
          <p className="text-xs text-slate-600">Set by district admins.</p>
        )}
      </section>
      <section aria-labelledby={`${headingId}-calendar`} className="space-y-2">
        <h3 id={`${headingId}-calendar`} className="text-base font-semibold">
          School year and closures
        </h3>
        <p className="text-sm text-slate-700">
          {year ? yearText(year) : "School year not set: agreements cannot be sent until it is."}
          {district && year ? (o.year ? " (this school's own dates)." : " (the district's dates).") : ""}
        </p>
        <p className="text-sm text-slate-700">
          {district
            ? `${closuresText(o.closureCount)} of its own; the district's apply too.`
            : o.closureCount === 0
              ? "No district-wide closures yet."
              : `${closuresText(o.closureCount)}, which apply at every school.`}
        </p>
        <Link href={`/admin/independent-study/calendar?${query}`} className="inline-block text-sm">
          {o.editable ? "Change the school year and closures" : "See the school year and closures"}
          <span className="sr-only"> of {o.name}</span>
        </Link>
      </section>
    </Card>
  );
}

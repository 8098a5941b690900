import type { Metadata } from "next";
import Link from "next/link";
import { RecomputePoller } from "@/components/mastery-admin/recompute-poller";
import { RecomputeProgress } from "@/components/mastery-admin/recompute-progress";
import { StatusMessage } from "@/components/people/status-message";
import { LevelBadge } from "@/components/ui/badges";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { METHOD_LABEL } from "@/lib/mastery/methods";
import { masterySettings, type PolicyAdminView } from "@/lib/mastery/settings";

export const metadata: Metadata = { title: "Mastery settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function statusOf(done: unknown, where: unknown): string | null {
  const place = typeof where === "string" && where ? where : "it";
  switch (done) {
    case "policy":
      return `The policy for ${place} was saved. Its levels are being recomputed; progress shows below.`;
    case "policy-removed":
      return `${place} uses the district's policy again. Its levels are being recomputed; progress shows below.`;
    case "scale-deleted":
      return "The scale was deleted.";
    default:
      return null;
  }
}

function PolicyCells({ policy, fallback }: { policy: PolicyAdminView | null; fallback: string }) {
  if (!policy)
    return (
      <td colSpan={3} className="px-4 py-3 text-slate-700">
        {fallback}
      </td>
    );
  const progress = policy.progress.state === "done" ? { state: "done" as const, at: formatTime(policy.progress.at) } : policy.progress;
  return (
    <>
      <td className="px-4 py-3">{policy.scale.name}</td>
      <td className="px-4 py-3">
        <span className="font-medium">{METHOD_LABEL[policy.method.kind]}</span>
        <span className="block text-xs text-slate-700">{policy.description}</span>
      </td>
      <td className="px-4 py-3">
        <RecomputeProgress progress={progress} />
      </td>
    </>
  );
}

/** A level's facts in words, shown beside its badge: its colour is never the only sign. */
const levelFacts = (l: { points: number; proficient: boolean; isDefault: boolean }) =>
  [`${l.points} ${l.points === 1 ? "point" : "points"}`, l.proficient ? "proficient" : null, l.isDefault ? "default" : null]
    .filter(Boolean)
    .join(" · ");

const policyHref = (organizationId: string, frameworkId?: string) =>
  `/admin/mastery/policy?organization=${organizationId}${frameworkId ? `&framework=${frameworkId}` : ""}`;

export default async function MasterySettingsPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const settings = await masterySettings(actor);
  const { district } = settings;
  const running = [district.policy, ...settings.schools.map((s) => s.policy), ...settings.frameworks.map((f) => f.policy)].filter(
    (p) => p?.progress.state === "running",
  ).length;
  return (
    <>
      <PageHeader
        title="Mastery settings"
        description="The scales teachers rate on, and how each school and framework works out a student's level from their ratings."
      />
      <div className="mb-6">
        <StatusMessage message={statusOf(params.done, params.where)} />
      </div>

      <Card aria-labelledby="scales-heading" className="mb-8">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="scales-heading">Proficiency scales</h2>
          <ButtonLink href="/admin/mastery/scales/new">New scale</ButtonLink>
        </div>
        <Table
          caption="Proficiency scales"
          columns={[{ label: "Scale" }, { label: "Owner" }, { label: "Levels, lowest first" }, { label: "Used by" }]}
        >
          {settings.scales.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/mastery/scales/${s.id}`}>{s.name}</Link>
                {s.editable ? null : <span className="block text-xs font-normal text-slate-700">View only</span>}
              </td>
              <td className="px-4 py-3">{s.organization.name}</td>
              <td className="px-4 py-3">
                <ul className="space-y-1" aria-label={`Levels of ${s.name}`}>
                  {s.levels.map((l) => (
                    <li key={l.id} className="flex flex-wrap items-center gap-x-2">
                      <LevelBadge level={l} />
                      <span className="text-xs text-slate-700">{levelFacts(l)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3 text-slate-700">{s.usedBy.length ? s.usedBy.join(", ") : "Not used"}</td>
            </tr>
          ))}
        </Table>
      </Card>

      <Card aria-labelledby="policies-heading" id="policies">
        <h2 id="policies-heading" className="mb-1">
          Mastery policies
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          A framework&apos;s policy decides its standards; otherwise a school&apos;s own policy; otherwise the district&apos;s.
        </p>
        <div className="mb-3">
          <RecomputePoller running={running} />
        </div>
        <Table
          caption="Mastery policies"
          columns={[{ label: "Where" }, { label: "Scale" }, { label: "Method" }, { label: "Levels" }, { label: "Change" }]}
        >
          <tr>
            <th scope="row" className="px-4 py-3 text-left font-medium">
              {district.name} (district)
            </th>
            <PolicyCells policy={district.policy} fallback="No policy" />
            <td className="px-4 py-3">
              {district.editable ? (
                <Link href={policyHref(district.id)}>
                  Change<span className="sr-only"> the district&apos;s policy</span>
                </Link>
              ) : (
                <span className="text-slate-700">District admins</span>
              )}
            </td>
          </tr>
          {settings.schools.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                {s.name}
              </th>
              <PolicyCells policy={s.policy} fallback="Uses the district's policy." />
              <td className="px-4 py-3">
                <Link href={policyHref(s.id)}>
                  {s.policy ? "Change" : "Set a policy"}
                  <span className="sr-only"> for {s.name}</span>
                </Link>
              </td>
            </tr>
          ))}
          {settings.frameworks.map((f) => (
            <tr key={f.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                {f.title}
                <span className="block text-xs font-normal text-slate-700">Framework of {f.ownerName}</span>
              </th>
              <PolicyCells policy={f.policy} fallback="Uses the policy of the school where it is rated." />
              <td className="px-4 py-3">
                <Link href={policyHref(f.organizationId, f.id)}>
                  {f.policy ? "Change" : "Set a policy"}
                  <span className="sr-only"> for {f.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}

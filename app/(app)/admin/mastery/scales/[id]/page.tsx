import type { Metadata } from "next";
import Link from "next/link";
import { DeleteScaleButton } from "@/components/mastery-admin/delete-scale-button";
import { ScaleForm } from "@/components/mastery-admin/scale-form";
import { StatusMessage } from "@/components/people/status-message";
import { LevelBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { getScale } from "@/lib/mastery/scales";
import { orNotFound } from "@/lib/not-found";
import { deleteScaleAction, saveScaleAction } from "../../actions";

export const metadata: Metadata = { title: "Proficiency scale" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function statusOf(done: unknown, recomputing: unknown): string | null {
  const n = Number(recomputing) || 0;
  const more = n ? ` Levels of the ${n === 1 ? "policy" : `${n} policies`} using it are being recomputed (see mastery settings).` : "";
  if (done === "created") return "The scale was created. Choose it in a policy to rate on it.";
  if (done === "saved") return `The scale was saved.${more}`;
  return null;
}

export default async function ScalePage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const scale = await orNotFound(getScale(actor, (await params).id));
  const query = await searchParams;
  return (
    <>
      <PageHeader
        title={scale.name}
        description={`A proficiency scale of ${scale.organization.name}. ${scale.usedBy.length ? `Used by the policy of ${scale.usedBy.join(", ")}.` : "No policy uses it yet."}`}
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/mastery">Back to mastery settings</Link>
      </p>
      <div className="mb-6">
        <StatusMessage message={statusOf(query.done, query.recomputing)} />
      </div>
      {scale.editable ? (
        <>
          <ScaleForm
            key={scale.version}
            initial={{
              scaleId: scale.id,
              organizationId: scale.organizationId,
              name: scale.name,
              description: scale.description,
              version: scale.version,
              levels: scale.levels.map((l) => ({
                id: l.id,
                name: l.name,
                points: l.points,
                colour: l.colour,
                description: l.description,
                proficient: l.proficient,
                isDefault: l.isDefault,
              })),
            }}
            owners={[]}
            ratings={scale.ratings}
            save={saveScaleAction}
          />
          <DeleteScaleButton scale={{ id: scale.id, name: scale.name, version: scale.version }} remove={deleteScaleAction} />
        </>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">This is the district&apos;s scale: district admins change it.</p>
          <Table
            caption={`Levels of ${scale.name}`}
            columns={[{ label: "Level" }, { label: "Points" }, { label: "Proficient" }, { label: "Description" }]}
          >
            {scale.levels.map((l) => (
              <tr key={l.id}>
                <td className="px-4 py-3">
                  <LevelBadge level={l} />
                  {l.isDefault ? <span className="ml-2 text-xs text-slate-700">Default</span> : null}
                </td>
                <td className="px-4 py-3">{l.points}</td>
                <td className="px-4 py-3">{l.proficient ? "Yes" : "No"}</td>
                <td className="px-4 py-3 text-slate-700">{l.description}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

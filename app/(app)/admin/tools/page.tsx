import type { Metadata } from "next";
import Link from "next/link";
import { StatusMessage } from "@/components/people/status-message";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { ConfirmButton } from "@/components/xapi-admin/confirm-button";
import { MappingForm } from "@/components/xapi-admin/mapping-form";
import { ToolForm } from "@/components/xapi-admin/tool-form";
import { requireRole } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { appUrl } from "@/lib/env";
import { pickerContext } from "@/lib/standards/queries";
import { listMappings, listTools, toolSchools } from "@/lib/xapi/tools";
import { addMappingAction, createToolAction, removeMappingAction, revokeToolAction } from "./actions";

export const metadata: Metadata = { title: "Connected tools" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

function statusOf(done: string | undefined, count: string | undefined): string | null {
  switch (done) {
    case "revoked":
      return "The tool was revoked. Its key and secret no longer work; what it sent stays.";
    case "mapped":
      return count === "0"
        ? "Those standards were already mapped to that activity."
        : "The activity was mapped. New suggestions from it arrive linked.";
    case "unmapped":
      return "The mapping was removed. Suggestions already made keep their standards.";
    default:
      return null;
  }
}

export default async function ConnectedToolsPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const [tools, schools, mappings] = await Promise.all([
    listTools(actor, one(params.tools)),
    toolSchools(actor),
    listMappings(actor, one(params.mappings)),
  ]);
  const picker = mappings.editable ? await pickerContext(actor, actor.districtId) : null;
  const endpoint = new URL("/api/xapi/", appUrl()).toString();

  return (
    <>
      <PageHeader
        title="Connected tools"
        description="Learning apps that send xAPI statements to Pathways. When a student of the tool's school completes or masters an activity, they get a suggested learning record to accept or dismiss."
      />
      <div className="mb-6">
        <StatusMessage message={statusOf(one(params.done), one(params.count))} />
      </div>

      <Card aria-labelledby="tools-heading" className="mb-8">
        <h2 id="tools-heading" className="mb-3">
          Tools
        </h2>
        {tools.items.length === 0 ? (
          <EmptyState>No tools are connected yet.</EmptyState>
        ) : (
          <Table
            caption="Connected tools"
            columns={[{ label: "Tool" }, { label: "School" }, { label: "Created" }, { label: "Last used" }, { label: "Status" }]}
          >
            {tools.items.map((t) => (
              <tr key={t.id}>
                <th scope="row" className="px-4 py-3 text-left font-medium">
                  {t.name}
                  <span className="block font-mono text-xs font-normal break-all text-slate-700">{t.key}</span>
                </th>
                <td className="px-4 py-3">{t.school}</td>
                <td className="px-4 py-3">{formatTime(t.createdAt)}</td>
                <td className="px-4 py-3">{t.lastUsedAt ? formatTime(t.lastUsedAt) : "Never"}</td>
                <td className="px-4 py-3">
                  {t.revokedAt ? (
                    <span>Revoked {formatTime(t.revokedAt)}</span>
                  ) : (
                    <ConfirmButton
                      label={
                        <>
                          Revoke<span className="sr-only"> {t.name}</span>
                        </>
                      }
                      explanation="Its key stops working at once."
                      confirmLabel={`Yes, revoke ${t.name}`}
                      busyLabel="Revoking…"
                      done="/admin/tools?done=revoked"
                      run={revokeToolAction.bind(null, { toolId: t.id })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {tools.next ? (
          <p className="mt-3 text-sm">
            <Link href={`/admin/tools?tools=${tools.next}`}>More tools</Link>
          </p>
        ) : null}
        <h3 className="mt-6 mb-2 text-base">Connect a tool</h3>
        {schools.length ? (
          <ToolForm schools={schools} endpoint={endpoint} create={createToolAction} />
        ) : (
          <p className="text-sm text-slate-700">You do not administer a school to connect a tool for.</p>
        )}
      </Card>

      <Card aria-labelledby="mappings-heading">
        <h2 id="mappings-heading" className="mb-1">
          Activities and standards
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          An activity mapped to standards makes every suggestion from it arrive linked to them, for every tool of the district.
        </p>
        {mappings.items.length === 0 ? (
          <EmptyState>No activities are mapped yet.</EmptyState>
        ) : (
          <Table caption="Activities mapped to standards" columns={[{ label: "Activity" }, { label: "Standard" }, { label: "Remove" }]}>
            {mappings.items.map((m) => (
              <tr key={m.id}>
                <td className="px-4 py-3 font-mono text-xs break-all">{m.activityId}</td>
                <td className="px-4 py-3">
                  <span className="font-medium">{m.standard.code}</span> {m.standard.description}
                </td>
                <td className="px-4 py-3">
                  {mappings.editable ? (
                    <ConfirmButton
                      label={
                        <>
                          Remove
                          <span className="sr-only">
                            {" "}
                            {m.standard.code || m.standard.description} from {m.activityId}
                          </span>
                        </>
                      }
                      explanation="New suggestions will not be linked."
                      confirmLabel="Remove mapping"
                      busyLabel="Removing…"
                      done="/admin/tools?done=unmapped"
                      run={removeMappingAction.bind(null, { mappingId: m.id })}
                    />
                  ) : (
                    <span className="text-slate-700">District admins</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {mappings.next ? (
          <p className="mt-3 text-sm">
            <Link href={`/admin/tools?mappings=${mappings.next}`}>More mappings</Link>
          </p>
        ) : null}
        {picker ? (
          <>
            <h3 className="mt-6 mb-2 text-base">Map an activity</h3>
            <MappingForm picker={picker} add={addMappingAction} />
          </>
        ) : null}
      </Card>
    </>
  );
}

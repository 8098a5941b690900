import type { Metadata } from "next";
import Link from "next/link";
import { GroupActivityForm } from "@/components/groups/group-activity-form";
import { GroupForm } from "@/components/groups/group-form";
import { GroupList } from "@/components/groups/group-list";
import { LevelBadge } from "@/components/ui/badges";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { listGroups, NOT_PLANNED, suggestGroups } from "@/lib/groups/queries";
import { orNotFound } from "@/lib/not-found";
import { addGroupActivityAction, saveGroupAction } from "./actions";

export const metadata: Metadata = { title: "Group by need" };

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).slice(0, 10);

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("TEACHER");
  const { id } = await params;
  const query = await searchParams;
  const standardIds = list(query.standard);
  const suggested = await orNotFound(suggestGroups(actor, id, standardIds));
  const groups = await listGroups(actor, suggested.class.id);
  const from = typeof query.from === "string" ? suggested.suggestions.find((g) => g.key === query.from) : undefined;
  const base = `/teacher/classes/${suggested.class.id}/groups`;
  const chosenQuery = suggested.chosen.map((s) => `standard=${encodeURIComponent(s.id)}`).join("&");
  const codes = suggested.chosen.map((s) => s.code).join(", ");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teacher/classes/${suggested.class.id}`}>← {suggested.class.name}: mastery</Link>
      </p>
      <PageHeader
        title={`${suggested.class.name}: group by need`}
        description="Choose one or more standards: students at the same level are suggested together, ready for targeted instruction."
      />
      <Card className="mb-6" aria-labelledby="choose-heading">
        <h2 id="choose-heading" className="mb-3">
          Standards
        </h2>
        {suggested.standards.length === 0 ? (
          <EmptyState>No standard is linked to your students’ plans yet.</EmptyState>
        ) : (
          <form method="get" className="space-y-3">
            <fieldset>
              <legend className="mb-2 text-sm text-slate-700">
                With several standards, each student goes by their lowest level among those they work on.
              </legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {suggested.standards.map((s) => (
                  <label key={s.id} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="standard"
                      value={s.id}
                      defaultChecked={standardIds.includes(s.id)}
                      className="mt-0.5 size-4 shrink-0"
                    />
                    <span>
                      <span className="font-medium">{s.code}</span> <span className="text-slate-700">{s.description}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Button type="submit" variant="secondary">
              Suggest groups
            </Button>
          </form>
        )}
      </Card>

      {suggested.chosen.length ? (
        <section aria-labelledby="suggestions-heading" className="mb-8">
          <h2 id="suggestions-heading" className="mb-3">
            Suggested groups for {codes}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {suggested.suggestions.map((g) => (
              <li key={g.key} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
                <h3 className="mb-2 flex items-center gap-2 text-base font-semibold">
                  {g.key === NOT_PLANNED ? <span>{g.label}:</span> : <LevelBadge level={g.level} rated={g.key === "not-yet"} />}
                  <span>
                    {g.students.length} {g.students.length === 1 ? "student" : "students"}
                  </span>
                </h3>
                <p className="mb-3">{g.students.map((s) => s.name).join(", ")}</p>
                <ButtonLink variant="secondary" href={`${base}?${chosenQuery}&from=${encodeURIComponent(g.key)}#new-group-heading`}>
                  Start a group from “{g.label}”
                </ButtonLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {suggested.chosen.length ? (
        <Card className="mb-8" aria-labelledby="new-group-heading">
          <h2 id="new-group-heading" className="mb-3">
            {from ? `New group from “${from.label}”` : "New group"}
          </h2>
          <GroupForm
            key={`${chosenQuery}:${from?.key ?? ""}`}
            classId={suggested.class.id}
            standards={suggested.chosen}
            students={suggested.students}
            initial={{ name: from ? `${codes} · ${from.label}` : "", studentIds: from ? from.students.map((s) => s.id) : [] }}
            action={saveGroupAction}
          />
        </Card>
      ) : null}

      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading" className="mb-3">
          Saved groups
        </h2>
        <GroupList
          groups={groups}
          empty="No groups saved for this class yet."
          extra={(g) => <GroupActivityForm groupId={g.id} action={addGroupActivityAction} />}
        />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/templates/action-button";
import { ApplyForm } from "@/components/templates/apply-form";
import { TemplateGoals } from "@/components/templates/template-goals";
import { FocusedStatus } from "@/components/ui/focused-status";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { PLAN_TYPE_LABEL } from "@/lib/plans/labels";
import { getTemplate } from "@/lib/templates/queries";
import { applyTemplateAction, archiveTemplateAction, startPlanFromTemplateAction, syncPlansAction } from "../actions";

export const metadata: Metadata = { title: "Template" };

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** What saving the template did, from the numbers the edit form passed along. */
function savedMessage(q: Record<string, string | string[] | undefined>) {
  if (q.saved) return "Template saved.";
  if (q.archived) return "Template archived. Plans made from it keep their content.";
  const updated = Number(q.updated);
  const kept = Number(q.kept);
  if (!Number.isInteger(updated) || !Number.isInteger(kept)) return null;
  const first = `Template saved. ${updated === 1 ? "1 plan was updated" : `${updated} plans were updated`}`;
  return kept
    ? `${first}; ${kept === 1 ? "1 is" : `${kept} are`} further along and ${kept === 1 ? "was" : "were"} left as ${kept === 1 ? "it is" : "they are"}.`
    : `${first}.`;
}

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const t = await orNotFound(getTemplate(actor, id));
  const message = savedMessage(await searchParams);
  const today = new Date();
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/templates">← All templates</Link>
      </p>
      <header className="space-y-2">
        <h1>{t.name}</h1>
        <p className="text-sm text-slate-700">
          {PLAN_TYPE_LABEL[t.type]} · {t.owner} · by {t.createdBy} · version {t.version}, saved {formatTime(t.updatedAt)}
        </p>
        {t.description ? <p className="max-w-3xl whitespace-pre-line text-slate-800">{t.description}</p> : null}
        {t.archived ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            This template is archived: it can no longer be applied or changed. Plans made from it keep their content.
          </p>
        ) : null}
      </header>
      {message ? <FocusedStatus>{message}</FocusedStatus> : null}

      {t.allowed.manage || t.allowed.start ? (
        <Card aria-labelledby="template-actions">
          <h2 id="template-actions" className="mb-3">
            What you can do
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {t.allowed.start ? (
              <ActionButton
                action={startPlanFromTemplateAction}
                input={{ templateId: t.id }}
                label="Start a plan from this template"
                variant="primary"
                after={{ goToPlan: true }}
              />
            ) : null}
            {t.allowed.manage ? (
              <>
                <ButtonLink href={`/templates/${t.id}/edit`} variant="secondary">
                  Edit template
                </ButtonLink>
                <ActionButton
                  action={archiveTemplateAction}
                  input={{ templateId: t.id, version: t.version }}
                  label="Archive template"
                  variant="ghost"
                  after={{ goTo: `/templates/${t.id}?archived=1` }}
                />
              </>
            ) : null}
          </div>
        </Card>
      ) : null}

      {t.allowed.apply ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="apply-heading">
            <h2 id="apply-heading" className="mb-1">
              Apply to a class
            </h2>
            <p className="mb-4 text-sm text-slate-700">
              Every student enrolled in the class gets a draft plan that follows this template. Students who join later get theirs when you
              sync.
            </p>
            <ApplyForm
              templateId={t.id}
              classes={t.classes}
              defaults={{ startsOn: isoDay(today), endsOn: isoDay(new Date(today.getTime() + 56 * 86_400_000)) }}
              action={applyTemplateAction}
            />
          </Card>
          <Card aria-labelledby="applied-heading">
            <h2 id="applied-heading" className="mb-3">
              Classes using it
            </h2>
            {t.applications.length === 0 ? <p className="text-sm text-slate-700">Not applied to any of your classes yet.</p> : null}
            <ul className="space-y-4">
              {t.applications.map((a) => (
                <li key={a.id} className="space-y-2 border-b border-slate-100 pb-4 last:border-0">
                  <h3 className="text-base font-semibold">{a.className}</h3>
                  <p className="text-sm text-slate-700">
                    {formatDay(a.startsOn)} – {formatDay(a.endsOn)} · {plural(a.plans, "plan", "plans")}, {a.following} following the
                    template · last synced {formatTime(a.lastSyncedAt)}
                  </p>
                  {!t.archived ? (
                    <ActionButton
                      action={syncPlansAction}
                      input={{ applicationId: a.id }}
                      label={`Sync plans for ${a.className}`}
                      after={{ plansCreated: true }}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}

      <TemplateGoals goals={t.goals} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/templates/action-button";
import { ApplyForm } from "@/components/templates/apply-form";
import { TemplateGoals } from "@/components/templates/template-goals";
import { FocusedStatus } from "@/components/ui/focused-status";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { getTemplate } from "@/lib/templates/queries";
import { applyTemplateAction, archiveTemplateAction, startPlanFromTemplateAction, syncPlansAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("page.metaTitle") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"templates">>>;

/** What saving the template did, from the numbers the edit form passed along. */
function savedMessage(t: Translate, q: Record<string, string | string[] | undefined>) {
  if (q.saved) return t("page.saved");
  if (q.archived) return t("page.archivedDone");
  const updated = Number(q.updated);
  const kept = Number(q.kept);
  if (!Number.isInteger(updated) || !Number.isInteger(kept)) return null;
  return kept ? t("page.updatedAndKept", { updated, kept }) : t("page.updated", { updated });
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
  const [tr, p, locale] = await Promise.all([getTranslations("templates"), getTranslations("plans"), getLocale()]);
  const t = await orNotFound(getTemplate(actor, id));
  const message = savedMessage(tr, await searchParams);
  const today = new Date();
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/templates">{tr("page.all")}</Link>
      </p>
      <header className="space-y-2">
        <h1>{t.name}</h1>
        <p className="text-sm text-slate-700">
          {tr("page.meta", {
            type: p(`type.${t.type}`),
            owner: t.owner,
            author: t.createdBy,
            version: t.version,
            saved: formatTime(t.updatedAt, locale),
          })}
        </p>
        {t.description ? <p className="max-w-3xl whitespace-pre-line text-slate-800">{t.description}</p> : null}
        {t.archived ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {tr("page.archived")}
          </p>
        ) : null}
      </header>
      {message ? <FocusedStatus>{message}</FocusedStatus> : null}

      {t.allowed.manage || t.allowed.start ? (
        <Card aria-labelledby="template-actions">
          <h2 id="template-actions" className="mb-3">
            {tr("page.whatYouCanDo")}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {t.allowed.start ? (
              <ActionButton
                action={startPlanFromTemplateAction}
                input={{ templateId: t.id }}
                label={tr("startPlan")}
                variant="primary"
                after={{ goToPlan: true }}
              />
            ) : null}
            {t.allowed.manage ? (
              <>
                <ButtonLink href={`/templates/${t.id}/edit`} variant="secondary">
                  {tr("page.edit")}
                </ButtonLink>
                <ActionButton
                  action={archiveTemplateAction}
                  input={{ templateId: t.id, version: t.version }}
                  label={tr("page.archive")}
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
              {tr("page.applyHeading")}
            </h2>
            <p className="mb-4 text-sm text-slate-700">{tr("page.applyIntro")}</p>
            <ApplyForm
              templateId={t.id}
              classes={t.classes}
              defaults={{ startsOn: isoDay(today), endsOn: isoDay(new Date(today.getTime() + 56 * 86_400_000)) }}
              action={applyTemplateAction}
            />
          </Card>
          <Card aria-labelledby="applied-heading">
            <h2 id="applied-heading" className="mb-3">
              {tr("page.classesUsing")}
            </h2>
            {t.applications.length === 0 ? <p className="text-sm text-slate-700">{tr("page.notApplied")}</p> : null}
            <ul className="space-y-4">
              {t.applications.map((a) => (
                <li key={a.id} className="space-y-2 border-b border-slate-100 pb-4 last:border-0">
                  <h3 className="text-base font-semibold">{a.className}</h3>
                  <p className="text-sm text-slate-700">
                    {formatDay(a.startsOn, locale)} – {formatDay(a.endsOn, locale)} ·{" "}
                    {tr("page.applicationStats", { plans: a.plans, following: a.following, synced: formatTime(a.lastSyncedAt, locale) })}
                  </p>
                  {!t.archived ? (
                    <ActionButton
                      action={syncPlansAction}
                      input={{ applicationId: a.id }}
                      label={tr("page.sync", { className: a.className })}
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

import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { KeysetNav } from "@/components/people/keyset-nav";
import { ActionButton } from "@/components/templates/action-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { PLAN_TYPE_LABEL } from "@/lib/plans/labels";
import { listTemplates, mayCreateTemplates, mayUseTemplates } from "@/lib/templates/queries";
import { startPlanFromTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Plan templates" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TemplatesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  if (!mayUseTemplates(actor)) forbidden();
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page = await listTemplates(actor, { after: one(q.after), before: one(q.before) });
  const creates = mayCreateTemplates(actor);
  return (
    <>
      <PageHeader
        title="Plan templates"
        description={
          creates
            ? "Goals, success criteria and suggested activities to start plans from. Apply one to a class to give every student a draft."
            : "Start a plan of your own from a template your school or district shares. You can change everything in your draft."
        }
        actions={creates ? <ButtonLink href="/templates/new">New template</ButtonLink> : null}
      />
      {page.items.length === 0 ? <EmptyState>No templates yet.</EmptyState> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {page.items.map((t) => (
          <li key={t.id}>
            <article
              aria-labelledby={`template-${t.id}`}
              className="h-full space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id={`template-${t.id}`} className="text-lg">
                <Link href={`/templates/${t.id}`}>{t.name}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {PLAN_TYPE_LABEL[t.type]} · {t.goalCount === 1 ? "1 goal" : `${t.goalCount} goals`} · {t.owner}
              </p>
              {t.description ? <p className="line-clamp-3 text-sm whitespace-pre-line text-slate-800">{t.description}</p> : null}
              {t.allowed.start ? (
                <ActionButton
                  action={startPlanFromTemplateAction}
                  input={{ templateId: t.id }}
                  label="Start a plan from this template"
                  variant="primary"
                  after={{ goToPlan: true }}
                />
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <KeysetNav
        previous={page.previous}
        next={page.next}
        href={(c) => `/templates?${new URLSearchParams("after" in c ? { after: c.after } : { before: c.before }).toString()}`}
      />
    </>
  );
}

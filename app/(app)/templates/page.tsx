import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { KeysetNav } from "@/components/people/keyset-nav";
import { ActionButton } from "@/components/templates/action-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { listTemplates, mayCreateTemplates, mayUseTemplates } from "@/lib/templates/queries";
import { startPlanFromTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("list.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TemplatesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const [t, p] = await Promise.all([getTranslations("templates"), getTranslations("plans")]);
  if (!mayUseTemplates(actor)) forbidden();
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page = await listTemplates(actor, { after: one(q.after), before: one(q.before) });
  const creates = mayCreateTemplates(actor);
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={creates ? t("list.descriptionStaff") : t("list.descriptionStudent")}
        actions={creates ? <ButtonLink href="/templates/new">{t("new.title")}</ButtonLink> : null}
      />
      {page.items.length === 0 ? <EmptyState>{t("list.empty")}</EmptyState> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {page.items.map((item) => (
          <li key={item.id}>
            <article
              aria-labelledby={`template-${item.id}`}
              className="h-full space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id={`template-${item.id}`} className="text-lg">
                <Link href={`/templates/${item.id}`}>{item.name}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {p(`type.${item.type}`)} · {p("list.goalCount", { count: item.goalCount })} · {item.owner}
              </p>
              {item.description ? <p className="line-clamp-3 text-sm whitespace-pre-line text-slate-800">{item.description}</p> : null}
              {item.allowed.start ? (
                <ActionButton
                  action={startPlanFromTemplateAction}
                  input={{ templateId: item.id }}
                  label={t("startPlan")}
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

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecordList } from "@/components/records/record-list";
import { SuggestionList } from "@/components/records/suggestion-list";
import { ButtonLink } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { listMyRecords, listSuggestions } from "@/lib/records/queries";
import { decideSuggestionAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("records");
  return { title: t("title") };
}

export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const query = await searchParams;
  const after = typeof query.after === "string" ? query.after : undefined;
  // A decided suggestion leaves its card (the whole card with the last one): the page says what happened.
  const decided = typeof query.record === "string" && /^[a-z0-9]{1,64}$/.test(query.record) ? query.record : null;
  const [page, suggestions] = await Promise.all([
    listMyRecords(actor, after).catch(() => listMyRecords(actor)),
    after ? Promise.resolve([]) : listSuggestions(actor),
  ]);
  const t = await getTranslations("records");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<ButtonLink href="/records/new">{t("recordLearning")}</ButtonLink>}
      />
      {query.deleted ? <FocusedStatus className="mb-4">{t("deleted")}</FocusedStatus> : null}
      {decided && query.done === "accepted" ? (
        <FocusedStatus key={decided} className="mb-4">
          {t("suggestionAccepted")}{" "}
          <Link href={`/records/${decided}`} className="underline">
            {t("openIt")}
          </Link>
        </FocusedStatus>
      ) : null}
      {decided && query.done === "dismissed" ? (
        <FocusedStatus key={decided} className="mb-4">
          {t("suggestionDismissed")}
        </FocusedStatus>
      ) : null}
      {suggestions.length ? (
        <Card className="mb-8" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading" className="mb-1">
            {t("suggestedByApps")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("onlyYouSee")}</p>
          <SuggestionList
            items={suggestions.map((s) => ({
              id: s.id,
              title: s.title,
              description: s.description,
              happenedOn: s.happenedOn,
              tool: s.tool,
              standards: s.standards,
            }))}
            from="list"
            decide={decideSuggestionAction}
          />
        </Card>
      ) : null}
      <h2 className="mb-3">{after ? t("olderRecords") : t("myRecords")}</h2>
      <RecordList
        items={page.items}
        label={t("myLearningRecords")}
        empty={t("empty")}
        olderHref={page.next ? `/records?after=${page.next}` : undefined}
      />
    </>
  );
}

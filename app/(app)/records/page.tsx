import type { Metadata } from "next";
import Link from "next/link";
import { RecordList } from "@/components/records/record-list";
import { SuggestionList } from "@/components/records/suggestion-list";
import { ButtonLink } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { listMyRecords, listSuggestions } from "@/lib/records/queries";
import { decideSuggestionAction } from "./actions";

export const metadata: Metadata = { title: "Learning records" };

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
  return (
    <>
      <PageHeader
        title="Learning records"
        description="Learning that happens outside class — at home, online, at work, in the community or on a trip. Your teachers and family can see your records."
        actions={<ButtonLink href="/records/new">Record learning</ButtonLink>}
      />
      {query.deleted ? <FocusedStatus className="mb-4">The record was deleted.</FocusedStatus> : null}
      {decided && query.done === "accepted" ? (
        <FocusedStatus key={decided} className="mb-4">
          The suggestion is now one of your records.{" "}
          <Link href={`/records/${decided}`} className="underline">
            Open it
          </Link>
        </FocusedStatus>
      ) : null}
      {decided && query.done === "dismissed" ? (
        <FocusedStatus key={decided} className="mb-4">
          The suggestion was dismissed.
        </FocusedStatus>
      ) : null}
      {suggestions.length ? (
        <Card className="mb-8" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading" className="mb-1">
            Suggested by your learning apps
          </h2>
          <p className="mb-3 text-sm text-slate-700">Only you see these until you accept them.</p>
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
      <h2 className="mb-3">{after ? "Older records" : "My records"}</h2>
      <RecordList
        items={page.items}
        label="My learning records"
        empty="No learning records yet. Record something you learned outside class."
        olderHref={page.next ? `/records?after=${page.next}` : undefined}
      />
    </>
  );
}

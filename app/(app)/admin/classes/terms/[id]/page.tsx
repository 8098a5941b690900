import type { Metadata } from "next";
import { TermForm } from "@/components/classes/term-form";
import { StatusMessage } from "@/components/people/status-message";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { getTerm } from "@/lib/classes/queries";
import { isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { saveTermAction } from "../../actions";

export const metadata: Metadata = { title: "Term" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TermPage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const term = await orNotFound(getTerm(actor, (await params).id));
  const created = (await searchParams).done === "created";
  return (
    <>
      <PageHeader title={term.name} description={`A term at ${term.school.name}.`} />
      <div className="mb-6">
        <StatusMessage message={created ? "The term was added." : null} />
      </div>
      <TermForm
        initial={{ termId: term.id, organizationId: "", name: term.name, startsOn: isoDay(term.startsOn), endsOn: isoDay(term.endsOn) }}
        schools={[]}
        schoolName={term.school.name}
        save={saveTermAction}
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StatusMessage } from "@/components/people/status-message";
import { ClosureForm } from "@/components/study-admin/closure-form";
import { ClosureList } from "@/components/study-admin/closure-list";
import { yearText } from "@/components/study-admin/organization-settings";
import { SchoolYearForm } from "@/components/study-admin/school-year-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { studyCalendar } from "@/lib/agreements/settings";
import { requireRole } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { addClosureAction, districtSchoolYearAction, removeClosureAction, saveSchoolYearAction } from "../actions";

export const metadata: Metadata = { title: "School year and closures" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export default async function StudyCalendarPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  // An organization outside what this admin sees is "not found".
  const calendar = await orNotFound(studyCalendar(actor, one(params.organization)));
  const { organization: o, editable, year, districtYear } = calendar;
  const school = o.type === "SCHOOL";
  const here = `/admin/independent-study/calendar?organization=${o.id}`;

  // Messages are built from what happened and a date, never from text in the address.
  const day = one(params.day);
  const added = calendar.closures.find((c) => c.day === day);
  const status =
    params.done === "year"
      ? `The school year of ${o.name} was saved.`
      : params.done === "year-removed"
        ? `${o.name} uses the district's school year again.`
        : params.done === "closure-added" && added
          ? `${added.name} on ${formatDay(added.day)} was added.`
          : params.done === "closure-removed" && isDay(day)
            ? `The closure on ${formatDay(day)} was removed.`
            : null;

  const start = year ?? districtYear;
  return (
    <>
      <PageHeader
        title={`School year and closures: ${o.name}`}
        description="Independent study counts school days: weekdays within the school year, less the days schools are closed."
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/independent-study">Back to independent study settings</Link>
      </p>
      <div className="mb-6">
        <StatusMessage message={status} />
      </div>
      <div className="space-y-6">
        <Card aria-labelledby="year-heading" className="space-y-3">
          <h2 id="year-heading">School year</h2>
          {school ? (
            <p className="text-sm text-slate-700">
              {year
                ? `This school has its own dates. The district's are ${districtYear ? yearText(districtYear) : "not set"}.`
                : districtYear
                  ? `This school uses the district's school year, ${yearText(districtYear)}. Saving dates here gives it its own.`
                  : "Neither this school nor the district has a school year yet."}
            </p>
          ) : null}
          {editable ? (
            <SchoolYearForm
              initial={{
                organizationId: o.id,
                startsOn: start?.startsOn ?? "",
                endsOn: start?.endsOn ?? "",
                loaded: { startsOn: year?.startsOn ?? "", endsOn: year?.endsOn ?? "" },
              }}
              done={{ saved: `${here}&done=year`, removed: `${here}&done=year-removed` }}
              save={saveSchoolYearAction}
              followDistrict={school && year ? districtSchoolYearAction : undefined}
            />
          ) : (
            <p className="text-sm text-slate-700">{year ? yearText(year) : "Not set yet."} Set by district admins.</p>
          )}
        </Card>
        <Card aria-labelledby="closures-heading" className="space-y-4">
          <h2 id="closures-heading">{school ? "This school's closures" : "Closures at every school"}</h2>
          <ClosureList
            closures={calendar.closures}
            caption={school ? `Closures of ${o.name}` : "District-wide closures"}
            empty={school ? "No closures of its own." : "No district-wide closures yet."}
            done={(d) => `${here}&done=closure-removed&day=${d}`}
            remove={editable ? removeClosureAction : undefined}
          />
          {editable ? (
            <section aria-labelledby="add-closure-heading" className="space-y-3 border-t border-slate-200 pt-4">
              <h3 id="add-closure-heading" className="text-base font-semibold">
                Add a closure
              </h3>
              <ClosureForm organizationId={o.id} done={`${here}&done=closure-added&day=`} add={addClosureAction} />
            </section>
          ) : null}
        </Card>
        {school ? (
          <Card aria-labelledby="district-closures-heading" className="space-y-3">
            <h2 id="district-closures-heading">District-wide closures</h2>
            <p className="text-sm text-slate-700">These apply here too. District admins change them on the district&apos;s page.</p>
            <ClosureList closures={calendar.districtClosures} caption="District-wide closures" empty="None." />
          </Card>
        ) : null}
      </div>
    </>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AttachmentForm } from "@/components/records/attachment-form";
import { AttachmentList } from "@/components/records/attachment-list";
import { DeleteRecord } from "@/components/records/delete-record";
import { LinkedStandards, LinkHistory, RecordFacts, RecordRatings } from "@/components/records/record-details";
import { RecordEditForm } from "@/components/records/record-edit-form";
import { RecordGoals } from "@/components/records/record-goals";
import { RecordStandards } from "@/components/records/record-standards";
import { SuggestionList } from "@/components/records/suggestion-list";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { getRecord } from "@/lib/records/queries";
import { editValues, latestToday } from "@/lib/records/schemas";
import { pickerContext } from "@/lib/standards/queries";
import {
  addAttachmentsAction,
  decideSuggestionAction,
  deleteRecordAction,
  linkGoalAction,
  linkStandardAction,
  removeAttachmentAction,
  requestReviewAction,
  unlinkGoalAction,
  unlinkStandardAction,
  updateRecordAction,
} from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("records.detail");
  return { title: t("metaTitle") };
}

export default async function RecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const record = await orNotFound(getRecord(actor, id));
  const own = record.studentId === actor.id;
  const change = record.allowed.change;
  // Once a teacher rated it, what was told and attached stays as rated; adding to it stays open.
  const edit = record.allowed.edit;
  const rated = new Set(record.ratedStandardIds);
  // A record kept from a school the student has left can no longer be linked there: shown read-only.
  const picker = change
    ? await pickerContext(
        actor,
        record.schoolId,
        record.standards.map((s) => s.standard.id),
      ).catch(() => null)
    : null;
  const [t, locale] = await Promise.all([getTranslations("records"), getLocale()]);
  const goals = record.goals.map((g) => ({ id: g.goal.id, label: `${g.goal.title} (${g.goal.plan.title})` }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={own ? "/records" : `/students/${record.studentId}/records`} className="underline">
          {own ? t("title") : t("detail.studentRecords", { name: record.student.name })}
        </Link>
      </p>
      <PageHeader title={record.title} description={own ? t("detail.yours") : t("detail.ofStudent", { name: record.student.name })} />
      {query.added ? <FocusedStatus className="mb-4">{t("detail.added")}</FocusedStatus> : null}
      {query.done === "accepted" && record.status === "RECORDED" ? (
        <FocusedStatus className="mb-4">{t("detail.accepted")}</FocusedStatus>
      ) : null}
      {record.status === "SUGGESTED" && record.allowed.decide ? (
        <Card className="mb-6" aria-labelledby="suggestion-heading">
          <h2 id="suggestion-heading" className="mb-2">
            {t("suggestedByApps")}
          </h2>
          <SuggestionList
            items={[
              {
                id: record.id,
                title: record.title,
                description: record.description,
                happenedOn: record.happenedOn,
                tool: record.tool,
                standards: record.standards.length,
              },
            ]}
            from="record"
            decide={decideSuggestionAction}
          />
        </Card>
      ) : null}
      {record.reviewRequestedAt ? (
        <p className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          {t("detail.reviewAsked", { date: formatDay(record.reviewRequestedAt, locale) })}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="mb-3">
            {own ? t("detail.whatYouDid") : t("detail.whatTheyDid", { name: record.student.name.split(" ")[0] ?? "" })}
          </h2>
          <RecordFacts record={record} />
          {edit ? (
            <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
              <RecordEditForm initial={editValues(record)} today={latestToday()} action={updateRecordAction} />
              <DeleteRecord recordId={record.id} title={record.title} action={deleteRecordAction} />
            </div>
          ) : change ? (
            <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-700">{t("validation.rated")}</p>
          ) : null}
        </Card>
        <Card aria-labelledby="attachments-heading">
          <h2 id="attachments-heading" className="mb-3">
            {t("detail.attachments")}
          </h2>
          <AttachmentList recordId={record.id} items={record.attachments} remove={edit ? removeAttachmentAction : undefined} />
          {change ? (
            <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
              {edit ? null : <p className="text-xs text-slate-600">{t("detail.attachmentsRated")}</p>}
              <AttachmentForm recordId={record.id} action={addAttachmentsAction} />
            </div>
          ) : null}
        </Card>
        <Card aria-labelledby="standards-heading">
          <h2 id="standards-heading" className="mb-3">
            {t("detail.standards")}
          </h2>
          {change && picker ? (
            <RecordStandards
              recordId={record.id}
              picker={picker}
              linked={record.standards.filter((s) => !rated.has(s.standard.id)).map((s) => s.standard.id)}
              rated={record.standards
                .filter((s) => rated.has(s.standard.id))
                .map((s) => ({
                  id: s.standard.id,
                  label: s.standard.code ? `${s.standard.code} — ${s.standard.description}` : s.standard.description,
                }))}
              reviewRequested={record.reviewRequestedAt !== null}
              link={linkStandardAction}
              unlink={unlinkStandardAction}
              askForReview={requestReviewAction}
            />
          ) : (
            <LinkedStandards record={record} />
          )}
          <div className="mt-4">
            <LinkHistory record={record} />
          </div>
        </Card>
        <Card aria-labelledby="goals-heading">
          <h2 id="goals-heading" className="mb-3">
            {t("detail.goals")}
          </h2>
          <RecordGoals
            recordId={record.id}
            linked={goals}
            options={record.goalOptions}
            link={change ? linkGoalAction : undefined}
            unlink={change ? unlinkGoalAction : undefined}
          />
        </Card>
        <Card aria-labelledby="ratings-heading" className="lg:col-span-2">
          <h2 id="ratings-heading" className="mb-3">
            {t("detail.ratings")}
          </h2>
          <RecordRatings record={record} />
        </Card>
      </div>
    </>
  );
}

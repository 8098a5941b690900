import type { Metadata } from "next";
import Link from "next/link";
import { EvaluationsDueList } from "@/components/agreements/work/evaluations-due-list";
import { PlanList } from "@/components/plans/plan-list";
import { EvidenceQueue } from "@/components/teacher/evidence-queue";
import { HomeSection, NeedsSummary } from "@/components/teacher/home-section";
import { OpenThreadList, OverdueGoalList, QuietStudentList } from "@/components/teacher/needs-lists";
import { RecordReviewQueue } from "@/components/teacher/record-review-queue";
import { Card, EmptyState, PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { QUIET_DAYS, teacherHome } from "@/lib/teacher/home";
import { rateEvidenceAction } from "../plans/actions";
import { rateRecordAction } from "./actions";

export const metadata: Metadata = { title: "Who needs me now" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function TeacherHome({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireRole("TEACHER");
  const params = await searchParams;
  const queuePage = pageNumber(params.queue);
  const studentPage = pageNumber(params.students);
  const { evaluationsDue, queue, toRate, recordsToReview, quiet, overdue, threads, students, classes } = await teacherHome(actor, {
    queuePage,
    studentPage,
    evidence: one(params.evidence),
    records: one(params.records),
    quiet: one(params.quiet),
    overdue: one(params.overdue),
    threads: one(params.threads),
  });
  // Each list pages on its own; the other lists keep their place.
  const href = (change: Params, anchor: string) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...change })) if (typeof v === "string") next.set(k, v);
    return `/teacher?${next.toString()}#${anchor}`;
  };
  const more = (key: string, cursor: string | null, anchor: string, label: string) =>
    cursor ? { href: href({ [key]: cursor }, anchor), label } : null;
  const sections = [
    { id: "evaluations-due", title: "Independent study evaluations due", count: evaluationsDue.length },
    { id: "review", title: "Review queue", count: queue.total },
    { id: "to-rate", title: "Evidence waiting for a rating", count: toRate.total },
    { id: "records", title: "Learning records to review", count: recordsToReview.total },
    { id: "quiet", title: `No evidence in ${QUIET_DAYS} days`, count: quiet.total },
    { id: "overdue", title: "Goals past their target date", count: overdue.total },
    { id: "threads", title: "Unresolved comment threads", count: threads.total },
  ];
  return (
    <>
      <PageHeader title="Who needs me now" description="What is waiting for you across your students, oldest first." />
      <NeedsSummary sections={sections} />
      <HomeSection
        id="evaluations-due"
        title="Independent study evaluations due"
        count={evaluationsDue.length}
        empty="No independent study evaluation is due."
      >
        <EvaluationsDueList items={evaluationsDue} />
      </HomeSection>
      <HomeSection id="review" title="Review queue" count={queue.total} empty="Nothing to review. Plans your students submit appear here.">
        <PlanList plans={queue.items} showStudent showOpenThreads caption="Plans waiting for review" empty="" />
        <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => href({ queue: String(p) }, "review")} />
      </HomeSection>
      <HomeSection
        id="to-rate"
        title="Evidence waiting for a rating"
        count={toRate.total}
        empty="All evidence on your students' active plans is rated."
        more={more("evidence", toRate.next, "to-rate", "More evidence to rate")}
      >
        <EvidenceQueue items={toRate.items} headingId="to-rate-heading" action={rateEvidenceAction} />
        {params.evidence ? (
          <p className="mt-3 text-sm">
            <Link href={href({ evidence: undefined }, "to-rate")}>Back to the oldest</Link>
          </p>
        ) : null}
      </HomeSection>
      <HomeSection
        id="records"
        title="Learning records to review"
        count={recordsToReview.total}
        empty="No learning record is waiting. When a student asks for review, each standard linked to the record appears here."
        more={more("records", recordsToReview.next, "records", "More learning records to review")}
      >
        <RecordReviewQueue items={recordsToReview.items} headingId="records-heading" action={rateRecordAction} />
        {params.records ? (
          <p className="mt-3 text-sm">
            <Link href={href({ records: undefined }, "records")}>Back to the oldest</Link>
          </p>
        ) : null}
      </HomeSection>
      <HomeSection
        id="quiet"
        title={`No evidence in ${QUIET_DAYS} days`}
        count={quiet.total}
        empty={`Every student with an active plan has added evidence in the last ${QUIET_DAYS} days.`}
        more={more("quiet", quiet.next, "quiet", "More students")}
      >
        <QuietStudentList students={quiet.items} />
      </HomeSection>
      <HomeSection
        id="overdue"
        title="Goals past their target date"
        count={overdue.total}
        empty="No goal on an active plan is past its target date without being met."
        more={more("overdue", overdue.next, "overdue", "More goals")}
      >
        <OverdueGoalList goals={overdue.items} />
      </HomeSection>
      <HomeSection
        id="threads"
        title="Unresolved comment threads"
        count={threads.total}
        empty="No open comment threads on your students' plans."
        more={more("threads", threads.next, "threads", "More threads")}
      >
        <OpenThreadList threads={threads.items} />
      </HomeSection>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="students-heading" className="lg:col-span-2">
          <h2 id="students-heading" className="mb-3">
            My students
          </h2>
          {students.items.length === 0 ? (
            <EmptyState>No students are enrolled in your classes yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
              {students.items.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <div>
                    <Link href={`/students/${s.id}`} className="font-medium">
                      {s.name}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {s.gradeLevel ? `Grade ${s.gradeLevel} · ` : ""}
                      {s.classes.map((c) => c.name).join(", ")}
                    </div>
                  </div>
                  <span className="text-slate-700">
                    {s.planCount} {s.planCount === 1 ? "plan" : "plans"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={students.page} pageCount={students.pageCount} href={(p) => href({ students: String(p) }, "students-heading")} />
        </section>
        <Card aria-labelledby="classes-heading">
          <h2 id="classes-heading" className="mb-3">
            My classes
          </h2>
          <ul className="space-y-2 text-sm">
            {classes.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.name}</span>
                <div className="text-xs text-slate-600">
                  {SUBJECT_LABEL[c.subject]} · {c.studentCount} students
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

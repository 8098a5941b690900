import type { Metadata } from "next";
import Link from "next/link";
import { PlanList } from "@/components/plans/plan-list";
import { Card, EmptyState, PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { listClasses, listStudents } from "@/lib/people/queries";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { listReviewQueue } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "Review & students" };

export default async function TeacherHome({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("TEACHER");
  const params = await searchParams;
  const queuePage = pageNumber(params.queue);
  const studentPage = pageNumber(params.students);
  const [queue, students, classes] = await Promise.all([
    listReviewQueue(actor, queuePage),
    listStudents(actor, studentPage),
    listClasses(actor),
  ]);
  const href = (q: number, s: number) => `/teacher?queue=${q}&students=${s}`;
  return (
    <>
      <PageHeader
        title="Review & students"
        description={`${queue.total} ${queue.total === 1 ? "plan is" : "plans are"} waiting for your review.`}
      />
      <section aria-labelledby="queue-heading" className="mb-10">
        <h2 id="queue-heading" className="mb-3">
          Review queue
        </h2>
        <PlanList
          plans={queue.items}
          showStudent
          showOpenThreads
          caption="Plans waiting for review"
          empty="Nothing to review. Plans your students submit appear here."
        />
        <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => href(p, studentPage)} />
      </section>
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
          <Pagination page={students.page} pageCount={students.pageCount} href={(p) => href(queuePage, p)} />
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

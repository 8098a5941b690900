import type { Metadata } from "next";
import { PlanList } from "@/components/plans/plan-list";
import { Card, PageHeader, Pagination } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { pageNumber } from "@/lib/pagination";
import { getStudent } from "@/lib/people/queries";
import { listPlans } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "Student" };

const PROFILE: { key: "strengths" | "needs" | "interests" | "learningPreferences"; label: string }[] = [
  { key: "strengths", label: "Strengths" },
  { key: "needs", label: "Needs" },
  { key: "interests", label: "Interests" },
  { key: "learningPreferences", label: "Learns best by" },
];

export default async function StudentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const page = pageNumber((await searchParams).page);
  const student = await orNotFound(getStudent(actor, id));
  const plans = await listPlans(actor, { page, studentId: student.id, scope: "all" });
  return (
    <>
      <PageHeader
        title={student.name}
        description={[student.profile ? `Grade ${student.profile.gradeLevel}` : null, student.classes.map((c) => c.name).join(", ")]
          .filter(Boolean)
          .join(" · ")}
      />
      {student.profile ? (
        <Card className="mb-8" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-3">
            Learner profile
          </h2>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            {PROFILE.map((f) => (
              <div key={f.key}>
                <dt className="font-medium text-slate-800">{f.label}</dt>
                <dd className="text-slate-700">{student.profile?.[f.key] || "Not written yet"}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      <h2 className="mb-3">Plans</h2>
      <PlanList plans={plans.items} caption={`Plans of ${student.name}`} empty={`${student.name} has no plans yet.`} />
      <Pagination page={plans.page} pageCount={plans.pageCount} href={(p) => `/students/${student.id}?page=${p}`} />
    </>
  );
}

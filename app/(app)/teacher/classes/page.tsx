import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { classesForMastery } from "@/lib/mastery/class-grid";
import { SUBJECT_LABEL } from "@/lib/plans/labels";

export const metadata: Metadata = { title: "Class mastery" };

export default async function TeacherClassesPage() {
  const actor = await requireRole("TEACHER");
  const classes = await classesForMastery(actor);
  return (
    <>
      <PageHeader title="Class mastery" description="Your classes this term: where each student is on the standards their plans work on." />
      {classes.length === 0 ? (
        <EmptyState>You are not teaching a class this term.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {classes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
              <div>
                <Link href={`/teacher/classes/${c.id}`} className="font-medium">
                  {c.name}
                </Link>
                <div className="text-xs text-slate-600">
                  {SUBJECT_LABEL[c.subject]} · {c.school}
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <span className="text-slate-700">
                  {c.studentCount} {c.studentCount === 1 ? "student" : "students"}
                </span>
                <Link href={`/teacher/classes/${c.id}/groups`}>
                  Groups<span className="sr-only"> for {c.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/classes/list-filters";
import { KeysetNav } from "@/components/people/keyset-nav";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { listCourses, schoolsForAdmin } from "@/lib/classes/queries";
import { gradeLabel } from "@/lib/people/admin-schemas";
import { SUBJECT_LABEL } from "@/lib/plans/labels";

export const metadata: Metadata = { title: "Courses" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CoursesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const schools = await schoolsForAdmin(actor);
  const q = one("q")?.trim() ?? "";
  const organizationId = schools.find((s) => s.id === one("school"))?.id;
  const courses = await listCourses(actor, { q, organizationId, after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => {
    const query = new URLSearchParams(cursor);
    if (q) query.set("q", q);
    if (organizationId) query.set("school", organizationId);
    return `/admin/classes/courses?${query}`;
  };
  return (
    <>
      <PageHeader
        title="Courses"
        description="Each school's catalogue. A class is a section of a course in a term."
        actions={
          <>
            <ButtonLink href="/admin/classes/courses/new">New course</ButtonLink>
            <ButtonLink href="/admin/classes" variant="secondary">
              Classes
            </ButtonLink>
          </>
        }
      />
      <ListFilters label="Find courses" searchLabel="Title or code" q={q} organizationId={organizationId} schools={schools} />
      {courses.items.length === 0 ? (
        <EmptyState>{q || organizationId ? "No course matches." : "No courses yet."}</EmptyState>
      ) : (
        <Table
          caption="Courses"
          columns={[{ label: "Course" }, { label: "Subject", className: "hidden sm:table-cell" }, { label: "Classes" }]}
        >
          {courses.items.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/classes/courses/${c.id}`}>{c.title}</Link>
                <span className="block text-xs font-normal text-slate-600">
                  {[c.code, schools.length > 1 ? c.schoolName : null, c.gradeLevel !== null ? gradeLabel(c.gradeLevel) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </td>
              <td className="hidden px-4 py-3 sm:table-cell">{SUBJECT_LABEL[c.subject]}</td>
              <td className="px-4 py-3">{c.classCount}</td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetNav previous={courses.previous} next={courses.next} href={href} />
    </>
  );
}

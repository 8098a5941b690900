import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters } from "@/components/classes/list-filters";
import { KeysetNav } from "@/components/people/keyset-nav";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { listClassesForAdmin, schoolsForAdmin } from "@/lib/classes/queries";
import { gradeLabel } from "@/lib/people/admin-schemas";

export const metadata: Metadata = { title: "Classes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClassesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const schools = await schoolsForAdmin(actor);
  const q = one("q")?.trim() ?? "";
  const organizationId = schools.find((s) => s.id === one("school"))?.id;
  const classes = await listClassesForAdmin(actor, { q, organizationId, after: one("after"), before: one("before") });
  const href = (cursor: { after: string } | { before: string }) => {
    const query = new URLSearchParams(cursor);
    if (q) query.set("q", q);
    if (organizationId) query.set("school", organizationId);
    return `/admin/classes?${query}`;
  };
  const manySchools = schools.length > 1;
  return (
    <>
      <PageHeader
        title="Classes"
        description="The classes of the schools you run, with who teaches them and how many students they have today."
        actions={
          <>
            <ButtonLink href="/admin/classes/new">New class</ButtonLink>
            <ButtonLink href="/admin/classes/courses" variant="secondary">
              Courses
            </ButtonLink>
            <ButtonLink href="/admin/classes/terms" variant="secondary">
              Terms
            </ButtonLink>
          </>
        }
      />
      <ListFilters label="Find classes" searchLabel="Class name" q={q} organizationId={organizationId} schools={schools} />
      {classes.items.length === 0 ? (
        <EmptyState>{q || organizationId ? "No class matches." : "No classes yet. Add a course, then a class of it."}</EmptyState>
      ) : (
        <Table
          caption="Classes"
          columns={[
            { label: "Class" },
            { label: "Course", className: "hidden md:table-cell" },
            { label: "Teachers" },
            { label: "Students" },
          ]}
        >
          {classes.items.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/classes/${c.id}`}>{c.name}</Link>
                <span className="block text-xs font-normal text-slate-600">
                  {[manySchools ? c.schoolName : null, c.termName, c.gradeLevel !== null ? gradeLabel(c.gradeLevel) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </td>
              <td className="hidden px-4 py-3 md:table-cell">{c.course.title}</td>
              <td className="px-4 py-3">{c.teachers.length ? c.teachers.map((t) => t.name).join(", ") : "—"}</td>
              <td className="px-4 py-3">{c.studentCount}</td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetNav previous={classes.previous} next={classes.next} href={href} />
    </>
  );
}

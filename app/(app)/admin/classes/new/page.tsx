import type { Metadata } from "next";
import { ClassForm } from "@/components/classes/class-form";
import { ListFilters } from "@/components/classes/list-filters";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { classFormOptions, schoolsForAdmin } from "@/lib/classes/queries";
import { saveClassAction } from "../actions";

export const metadata: Metadata = { title: "New class" };

/** A class is of one school: a district admin chooses the school first, so the form lists only its courses and terms. */
export default async function NewClassPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("ADMIN");
  const wanted = (await searchParams).school;
  const schools = await schoolsForAdmin(actor);
  const school = schools.length === 1 ? schools[0] : schools.find((s) => s.id === wanted);
  if (!school) {
    return (
      <>
        <PageHeader title="New class" description="Which school is the class at?" />
        {schools.length ? (
          <ListFilters label="Choose the school" searchLabel="" q="" schools={schools} choose />
        ) : (
          <EmptyState>You do not run a school.</EmptyState>
        )}
      </>
    );
  }
  const options = await classFormOptions(actor, school.id);
  return (
    <>
      <PageHeader
        title="New class"
        description={`A class (a section of a course) at ${school.name}. Add its teachers and students on its page.`}
      />
      {options.courses.length === 0 ? (
        <EmptyState>
          {school.name} has no courses yet.{" "}
          <ButtonLink href="/admin/classes/courses/new" variant="secondary">
            Add a course
          </ButtonLink>
        </EmptyState>
      ) : (
        <ClassForm
          initial={{ classId: "", name: "", courseId: "", termId: options.terms[0]?.id ?? "", gradeLevel: "" }}
          courses={options.courses}
          terms={options.terms}
          save={saveClassAction}
        />
      )}
    </>
  );
}

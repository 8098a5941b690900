import type { Metadata } from "next";
import { CourseForm } from "@/components/classes/course-form";
import { StatusMessage } from "@/components/people/status-message";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { getCourse } from "@/lib/classes/queries";
import { orNotFound } from "@/lib/not-found";
import { gradeValue } from "@/lib/people/admin-schemas";
import { saveCourseAction } from "../../actions";

export const metadata: Metadata = { title: "Course" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoursePage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const course = await orNotFound(getCourse(actor, (await params).id));
  const created = (await searchParams).done === "created";
  return (
    <>
      <PageHeader title={course.title} description={`A course at ${course.school.name}.`} />
      <div className="mb-6">
        <StatusMessage message={created ? "The course was added. You can now add classes of it." : null} />
      </div>
      <CourseForm
        initial={{
          courseId: course.id,
          organizationId: "",
          title: course.title,
          code: course.code ?? "",
          subject: course.subject,
          gradeLevel: gradeValue(course.gradeLevel),
        }}
        schools={[]}
        schoolName={course.school.name}
        save={saveCourseAction}
      />
    </>
  );
}

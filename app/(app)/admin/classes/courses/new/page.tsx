import type { Metadata } from "next";
import { CourseForm } from "@/components/classes/course-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { schoolsForAdmin } from "@/lib/classes/queries";
import { saveCourseAction } from "../../actions";

export const metadata: Metadata = { title: "New course" };

export default async function NewCoursePage() {
  const actor = await requireRole("ADMIN");
  const schools = await schoolsForAdmin(actor);
  return (
    <>
      <PageHeader title="New course" description="A course of a school's catalogue; its classes are the sections students enroll in." />
      <CourseForm
        initial={{
          courseId: "",
          organizationId: schools.length === 1 ? (schools[0]?.id ?? "") : "",
          title: "",
          code: "",
          subject: "ELA",
          gradeLevel: "",
        }}
        schools={schools}
        save={saveCourseAction}
      />
    </>
  );
}

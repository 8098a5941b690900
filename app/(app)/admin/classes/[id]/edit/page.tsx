import type { Metadata } from "next";
import { ClassForm } from "@/components/classes/class-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { classFormOptions, getClassForAdmin } from "@/lib/classes/queries";
import { orNotFound } from "@/lib/not-found";
import { gradeValue } from "@/lib/people/admin-schemas";
import { saveClassAction } from "../../actions";

export const metadata: Metadata = { title: "Edit class" };

export default async function EditClassPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("ADMIN");
  const { id } = await params;
  const c = await orNotFound(getClassForAdmin(actor, id));
  const options = await classFormOptions(actor, c.school.id);
  return (
    <>
      <PageHeader title={`Edit ${c.name}`} description={`At ${c.school.name}.`} />
      <ClassForm
        initial={{ classId: c.id, name: c.name, courseId: c.course.id, termId: c.term?.id ?? "", gradeLevel: gradeValue(c.gradeLevel) }}
        courses={options.courses}
        terms={options.terms}
        save={saveClassAction}
      />
    </>
  );
}

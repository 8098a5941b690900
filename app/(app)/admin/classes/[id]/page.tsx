import type { Metadata } from "next";
import { EnrollForm } from "@/components/classes/enroll-form";
import { EnrollmentTable } from "@/components/classes/enrollment-table";
import { MoveForm } from "@/components/classes/move-form";
import { Section } from "@/components/people/person-sections";
import { RunButton } from "@/components/people/run-button";
import { StatusMessage } from "@/components/people/status-message";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { getClassForAdmin, moveTargets } from "@/lib/classes/queries";
import { formatDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { gradeLabel } from "@/lib/people/admin-schemas";
import { pickPeopleAction } from "../../people/actions";
import { endClassAction, endEnrollmentAction, enrollAction, moveStudentAction } from "../actions";

export const metadata: Metadata = { title: "Class" };

const DONE: Record<string, string> = {
  created: "The class was added. Now add its teachers and students.",
  saved: "The class was saved.",
  "staff-added": "Added to the class.",
  enrolled: "The student was enrolled.",
  ended: "The enrollment was ended. Yesterday was its last day.",
  moved: "The student was moved. They are in the other class from today.",
  "class-ended": "The class was ended: everyone's enrollment ended yesterday.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClassPage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const { id } = await params;
  const [c, targets] = await Promise.all([orNotFound(getClassForAdmin(actor, id)), orNotFound(moveTargets(actor, id))]);
  const done = (await searchParams).done;
  const open = [...c.staff, ...c.students].some((e) => e.state !== "ended");
  const currentStudents = c.students.filter((e) => e.state !== "ended");
  const facts = [
    c.school.name,
    c.course.code ? `${c.course.title} (${c.course.code})` : c.course.title,
    c.term ? `${c.term.name}, ${formatDay(c.term.startsOn)} – ${formatDay(c.term.endsOn)}` : "No term",
    c.gradeLevel !== null ? gradeLabel(c.gradeLevel) : null,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={c.name}
        description={facts.join(" · ")}
        actions={
          <ButtonLink href={`/admin/classes/${c.id}/edit`} variant="secondary">
            Edit class
          </ButtonLink>
        }
      />
      <div className="mb-6">
        <StatusMessage message={typeof done === "string" ? DONE[done] : null} />
      </div>
      <div className="space-y-6">
        <Section id="staff" title="Teachers and aides">
          {c.staff.length ? (
            <EnrollmentTable caption="Teachers and aides" rows={c.staff} classId={c.id} showRole end={endEnrollmentAction} />
          ) : (
            <p className="text-sm text-slate-700">No teacher yet.</p>
          )}
          <h3 className="text-base font-semibold">Add a teacher or aide</h3>
          <EnrollForm classId={c.id} schoolId={c.school.id} staff search={pickPeopleAction} enroll={enrollAction} />
        </Section>

        <Section id="students" title="Students">
          {c.students.length ? (
            <EnrollmentTable caption="Students" rows={c.students} classId={c.id} showRole={false} end={endEnrollmentAction} />
          ) : (
            <p className="text-sm text-slate-700">No student yet.</p>
          )}
          <h3 className="text-base font-semibold">Enroll a student</h3>
          <EnrollForm classId={c.id} schoolId={c.school.id} staff={false} search={pickPeopleAction} enroll={enrollAction} />
          {currentStudents.length && targets.length ? (
            <>
              <h3 className="text-base font-semibold">Move a student to another class</h3>
              <MoveForm
                classId={c.id}
                students={currentStudents.map((e) => ({ enrollmentId: e.id, name: e.person.name }))}
                targets={targets}
                move={moveStudentAction}
              />
            </>
          ) : null}
        </Section>

        {open ? (
          <Section id="end" title="End the class">
            <p className="text-sm text-slate-700">
              Ending the class ends every teacher&apos;s and student&apos;s place in it from today. The class, its history and every plan
              stay.
            </p>
            <RunButton
              action={endClassAction}
              input={{ classId: c.id }}
              label="End class"
              variant="danger"
              confirm={{ question: `End ${c.name} for everyone from today? Nothing is deleted.`, yes: "End class" }}
              href={`/admin/classes/${c.id}?done=class-ended`}
            />
          </Section>
        ) : null}
      </div>
    </>
  );
}

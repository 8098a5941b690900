import { gradeKey, type BoardPolicy } from "@/lib/agreements/elements";
import { SUBJECT_LABEL } from "@/lib/plans/labels";

/** Element 4 as the board set it: read only, copied into each agreement when it is sent. */
export function BoardPolicyText({ policy, gradeLevel }: { policy: BoardPolicy | null; gradeLevel: number }) {
  if (!policy) {
    return <p className="text-sm text-rose-800">An admin has not set the board&apos;s independent study policies for this school yet.</p>;
  }
  const grade = gradeKey(gradeLevel);
  const maxDays = policy.maxDaysToDue[grade];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
      <dt className="font-medium text-slate-800">Longest time from assigning work to its due date</dt>
      <dd className="text-slate-800">
        {maxDays === undefined ? `Not set for grade ${grade}.` : `${maxDays} school ${maxDays === 1 ? "day" : "days"} (grade ${grade}).`}
      </dd>
      <dt className="font-medium text-slate-800">Missed assignments before an evaluation</dt>
      <dd className="text-slate-800">
        {policy.missedAssignmentsLimit}: at that many missed assignments the teacher evaluates whether independent study still serves the
        student.
      </dd>
      <dt className="font-medium text-slate-800">Satisfactory progress</dt>
      <dd className="whitespace-pre-line text-slate-800">{policy.satisfactoryProgress}</dd>
      <dt className="font-medium text-slate-800">Subjects every agreement covers</dt>
      <dd className="text-slate-800">{policy.requiredSubjects.map((s) => SUBJECT_LABEL[s]).join(", ") || "None required"}</dd>
    </dl>
  );
}

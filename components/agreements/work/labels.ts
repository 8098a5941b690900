// The words the work under an agreement uses for its stored values.
import type { AssignmentStatus, EvaluationOutcome } from "@/lib/generated/prisma/enums.ts";

export const ASSIGNMENT_STATUS_LABEL: Record<AssignmentStatus, string> = {
  ASSIGNED: "Assigned",
  SUBMITTED: "Submitted",
  COMPLETED: "Completed",
  MISSED: "Missed",
};

export const EVALUATION_OUTCOME_LABEL: Record<EvaluationOutcome, string> = {
  CONTINUE_WITH_CHANGES: "Continue in independent study, with changes",
  RETURN_TO_CLASSROOM: "Return to the classroom",
};

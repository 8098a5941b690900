// README.txt: what the archive is and what every file and field in it means, in plain words, for a
// family or a records officer who has never seen Pathways.
import type { ExportScope } from "./access";

export type ReadmeFacts = { studentName: string; exportedBy: string; at: Date; scope: ExportScope };

const SCOPE_TEXT: Record<ExportScope, string> = {
  district:
    'It holds every record about the student in the school district, as a district administrator sees it: draft plans, plans waiting in "Recently deleted", suggestions from learning tools the student has not accepted, and the whole log of who opened the student\'s records.',
  family:
    "It holds what the student's guardian may see in Pathways: plans from the moment they were first submitted (a draft the student never submitted is theirs alone), learning records the student kept (not suggestions they have not accepted), and the log of people outside the family who opened the student's records.",
};

export function readme(f: ReadmeFacts): string {
  return `PATHWAYS — EVERYTHING ABOUT ${f.studentName.toUpperCase()}
${"=".repeat(Math.min(80, 28 + f.studentName.length))}

Downloaded by ${f.exportedBy} on ${f.at.toISOString().slice(0, 10)} at ${f.at.toISOString().slice(11, 16)} UTC.
${SCOPE_TEXT[f.scope]}

The files are JSON, a plain text format that any text editor opens and that other systems can
read. Dates and times are in UTC ("2026-11-30T14:05:00.000Z"); a date alone ("2026-11-30") is a
day. Every record has an "id": other records point to it by that id (a rating's "goalId" is the
"id" of a goal). A person is shown as { "id", "name" }; null means nobody, or a person whose
account has since been removed. Lists are oldest first.

This download was noted in the student's disclosure log ("Data export") and in the audit log.


README.txt
  This file.

profile.json
  student       The student: name, email, roster id ("sourcedId", from the school's student
                information system), when the account was made and whether it is disabled.
    memberships   Each school or district the student belongs to, as what (STUDENT), since when
                  and until when ("endedAt"; empty while it lasts).
    enrollments   Each class: its name, school, course and subject, first and last day.
    guardedBy     The guardians linked to the student, and how ("relationship").
    profile       The learner profile as it is now, in the student's own words: grade, strengths,
                  needs, interests, how they learn best ("learningPreferences"), goals they care
                  about ("aspirations"), the ways of learning they chose ("engagement",
                  "representation", "expression"), where they like to learn, birth date.
  profileRevisions  Every saved version of the learner profile ("number" counts up), its whole
                content, who saved it and when.
  profileComments   Teachers' comments on the learner profile.

plans.json
  plans         Each learning plan: type (PERSONALIZED or INDEPENDENT_STUDY), status (DRAFT,
                SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, ACTIVE, COMPLETED, ARCHIVED), title,
                summary, first and last day, school, who made it and who approved it, when it was
                submitted, approved, completed, archived or deleted ("deletedAt").
    revisions     Every saved version of the plan, whole ("content"), with its kind (CREATED,
                  EDITED, SUBMITTED, APPROVED, RESTORED, CHANGE_APPROVED, TEMPLATE_UPDATED), its
                  author and "contentHash" (a fingerprint of the content: equal content, equal hash).
    events        Every change of status and other events, with who, when and the note given.
    changes       Changes the student proposed to an active plan, with the teacher's decision.
    goals         The goals: subject, title, success criteria, how mastery will be shown, target
                  date, the standards each works toward ("standards": code and statement).
      activities    What the student planned to do for the goal: where ("setting"), when or how
                    often ("timing"), with whom, and the resource (a link, book, person or place).
    evidence      Work the student showed: text, a link, a file, or a statement from a learning
                  tool; the goals it shows ("goals"), the student's reflection on it, who added it.
                  "file" gives the file's name, type, size in bytes, and "archivePath": where the
                  file itself is in this archive (under files/evidence/).
      ratings       Each teacher's rating of the evidence against a goal: the level ("name",
                    "points", whether it counts as "proficient"), the feedback, the rater, when.
    comments      Comments on the plan or a goal ("goalId"); a reply names the comment it answers
                  ("parentId"); "resolvedAt" is when its thread was marked resolved, and by whom.
    reflections   The student's reflections (what they learned, what was hard, what is next), on
                  the plan or a goal, and the teachers' replies.
    acknowledgments  A guardian's signature on the plan: the name typed, the plan version read.

agreements.json
  agreements    Each independent study agreement: its plan ("planId" and title), status (DRAFT,
                AWAITING_SIGNATURES, ACTIVE, ENDED), the agreement's elements ("content"), first
                and last day, the supervising teacher and the others assisting.
    revisions     Each version sent for signatures, whole, with its "contentHash".
    signatures    Each signature: who, in which role (STUDENT, GUARDIAN, TEACHER, ASSISTANT), the
                  name they typed, when, and the hash of exactly the version they signed
                  ("revisionId", "contentHash").
    assignments   Work assigned under the agreement: subject, title, assigned and due days,
                  status (ASSIGNED, SUBMITTED, COMPLETED, MISSED), the evidence handed in
                  ("evidenceId"), the teacher's judgement of its time value in minutes.
    evaluations   Evaluations of whether independent study still serves the student, and the outcome.

learning-records.json
  records       Learning the student recorded outside a plan: title, what they did and learned
                ("description"), where ("setting", "place"), the day, how long in minutes, with
                whom, and when they asked their teachers to review it. "status" is RECORDED (the
                student's record), SUGGESTED (made from a learning tool's statement, not yet
                accepted) or DISMISSED; "statementId" names that statement.
    attachments   Photos, files and links: a file's "archivePath" is where it is in this archive
                  (under files/learning-records/).
    standards     The standards the record is linked to, and since when.
    goals         The plan goals it is linked to.
    linkEvents    Each time a standard was linked or unlinked, by whom.
    ratings       Teachers' ratings of the record against a linked standard.

xapi-statements.json
  statements    Statements about the student that connected learning tools sent to Pathways
                (in the xAPI format): "statement" is the statement as received, "tool" the tool
                that sent it, "stored" when Pathways received it, "timestamp" when the tool says
                it happened, "voided" whether the tool later withdrew it.

notifications.json
  notifications  What Pathways told the student: the kind ("type", e.g. COMMENT_ADDED), who
                caused it ("actor"), the ids of the plan, comment, evidence or record it was
                about, when it was read ("readAt"), emailed ("emailedAt") or put in a digest email.

disclosure-log.json
  entries       Each time someone other than the student opened one of the student's records:
                when ("at"), who, what ("action", e.g. "plan.view"; "record": the kind of record
                and its id), whether it was allowed or refused, and the same in words ("text").
                ${f.scope === "district" ? '"ip" is the address the request came from.' : "Reads by the student's own family are not listed."}

files/
  The files themselves, exactly as they were uploaded, one folder per evidence or attachment id:
  files/evidence/<evidence id>/<file name> and files/learning-records/<attachment id>/<file name>.

missing-files.json (only when needed)
  Files a record names that Pathways could not find in its storage when this archive was made.
`;
}

import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { LevelBadge } from "@/components/ui/badges";
import { actingMastery } from "@/lib/mastery/queries";

export const metadata: Metadata = { title: "Help" };

export default async function HelpPage() {
  const { scale, method } = await actingMastery(await requireActor());
  return (
    <>
      <PageHeader title="How Pathways works" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="loop">
          <h2 id="loop" className="mb-2">
            The plan loop
          </h2>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
            <li>
              A student starts a plan (a personalized learning plan or an independent study plan), with at least one goal. Each goal says
              what success looks like and how mastery will be shown.
            </li>
            <li>The student saves it as a draft, edits it as often as needed, and submits it for review.</li>
            <li>
              A teacher of the student finds it in their review queue, comments, and either requests changes (with a note the student sees)
              or approves it. Approved plans are active.
            </li>
            <li>
              On an active plan the student adds evidence to a goal: written work, a link, or a file (images, PDFs or office documents up to
              10 MB).
            </li>
            <li>The teacher rates the evidence on the proficiency scale with written feedback.</li>
            <li>
              Parents and guardians see their own children&apos;s plans, feedback, ratings and progress. They cannot change them; once a
              plan is approved they acknowledge it (&ldquo;I have read this plan&rdquo;), and its teachers see who did, for which version,
              when.
            </li>
          </ol>
          <p className="mt-3 text-sm text-slate-700">
            Every status change is recorded on the plan&apos;s timeline: who, when and their note.
          </p>
        </Card>
        <Card aria-labelledby="scale">
          <h2 id="scale" className="mb-2">
            The proficiency scale
          </h2>
          <dl className="space-y-2 text-sm">
            {scale.levels.map((l) => (
              <div key={l.id}>
                <dt>
                  <LevelBadge level={l} />{" "}
                  <span className="text-slate-700">
                    ({l.points} points{l.proficient ? ", proficient" : ""})
                  </span>
                </dt>
                {l.description ? <dd className="mt-1 text-slate-700">{l.description}</dd> : null}
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-700">
            Your school rates on the scale “{scale.name}”. {method} A student&apos;s level on a standard comes from every rating on goals
            linked to it, and a goal&apos;s level from the ratings on that goal. Wherever a level is shown, “Show the working” lists the
            ratings and the arithmetic. A plan&apos;s progress is the share of its goals at a proficient level — never time spent.
          </p>
        </Card>
        <Card aria-labelledby="growth-help">
          <h2 id="growth-help" className="mb-2">
            Growth and the working
          </h2>
          <p className="text-sm text-slate-700">
            A student&apos;s first rating on a standard is their baseline; growth is the change from it to the level now (“Developing →
            Proficient since Oct 3”). Students see it under <strong>My progress</strong>; families and teachers from the student&apos;s page
            or the family page. Charts show the level after each rating, per standard, and per subject the share of rated standards at a
            proficient level; a table under each chart gives the same data. “Show the working” beside a level lists the method, the ratings
            in the order their evidence was added (with dates and who rated them) and the arithmetic.
          </p>
        </Card>
        <Card aria-labelledby="family-help">
          <h2 id="family-help" className="mb-2">
            The family page
          </h2>
          <p className="text-sm text-slate-700">
            <strong>My children</strong> shows one child at a time; with more than one, the links under the child&apos;s name switch between
            them. For each child: what needs you (an independent study agreement to sign, an approved plan to acknowledge — again whenever
            it changes), target and due dates in the next six weeks, their plans and progress, the latest ratings and feedback, growth on
            standards with a chart over time (&ldquo;Show as a table&rdquo; gives its data), and their latest learning records. A plan the
            student has not yet submitted is theirs alone and does not appear.
          </p>
        </Card>
        <Card aria-labelledby="editing">
          <h2 id="editing" className="mb-2">
            Editing and saving
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Students can edit their plans while they are drafts or when changes were requested. Teachers can edit plans of their students
              until they are approved.
            </li>
            <li>
              Every save, every submission and every approval keeps a numbered version of the whole plan that can never be changed; the plan
              page shows which version is current and which was approved. If someone else saved the plan while you were editing, Pathways
              tells you instead of overwriting their work: it shows each place where their version differs from yours, and you keep yours or
              take theirs, field by field, without retyping.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="profile-help">
          <h2 id="profile-help" className="mb-2">
            Learner profile and activities
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Students write their own learner profile under “My profile”: strengths, interests, what helps them, goals they care about, and
              how they learn best, picked from choices in their own words. Only the student can change it; it is not a place for diagnoses
              or IEP details. Every save is kept in its history, with what changed.
            </li>
            <li>
              Their teachers see it beside plans and can comment on it; their family and school admins can read it. The student is told
              about each comment.
            </li>
            <li>
              Each goal can have activities: what the student will do, where (in school, online, at home, in the community, at a workplace,
              while travelling), when, with whom, and a resource (a link, a book, a person or a place). The plan form suggests the places
              the student picked in their profile.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="templates-help">
          <h2 id="templates-help" className="mb-2">
            Plan templates
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Teachers and admins write templates (goals, success criteria, standards and suggested activities) from scratch or with
              &ldquo;Save as template&rdquo; on a plan. A school&apos;s templates are for its staff and students; a district admin&apos;s
              are shared with every school.
            </li>
            <li>
              Applying a template to a class gives every student enrolled now a draft plan that follows it. &ldquo;Sync plans&rdquo; gives
              students who joined later theirs; it never creates a plan twice.
            </li>
            <li>
              When a template changes, the plans that follow it and are still drafts (or have changes requested) without evidence change
              with it, as a new version; plans further along stay as they are. The student or their teacher can unlink a plan: it keeps its
              content and stops following the template. Students can also start a plan of their own from a template.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="lifecycle-help">
          <h2 id="lifecycle-help" className="mb-2">
            Changing course
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              A student can withdraw a submitted plan until their teacher starts the review, and delete a draft that was never approved. A
              deleted draft waits in &ldquo;Recently deleted&rdquo; for 30 days, where the student can restore it; then it is gone for good.
              An approved plan is never deleted, only archived.
            </li>
            <li>
              A teacher can send an active plan back to draft, or reopen a completed one, saying why. Evidence, ratings and comments stay.
              Until it is approved again, the plan shows &ldquo;being revised&rdquo; to everyone, its family included.
            </li>
            <li>
              A teacher can start a plan for a student they teach (&ldquo;Start a plan for…&rdquo; on the student&apos;s page). It is the
              student&apos;s plan from the start: they are told, and edit and submit it like their own.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="conversation-help">
          <h2 id="conversation-help" className="mb-2">
            Comments and reflections
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              The student and their teachers comment on a plan, or on one goal (&ldquo;Comment on this goal&rdquo;), and reply in threads.
              Everyone in a thread hears about replies. Parents and guardians read comments but do not write them; nobody comments on an
              archived plan.
            </li>
            <li>
              A teacher resolves a thread when it is settled: it folds away as &ldquo;Resolved by…&rdquo;, stays readable, and can be
              reopened. The review queue shows how many threads are still open on each plan.
            </li>
            <li>
              Once a plan is active, and after it is completed, the student writes reflections on the whole plan or one goal: what they
              learned, what was hard, what&apos;s next. Teachers can answer. Reflections are part of the plan&apos;s record, which the
              family sees too.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="teacher-day-help">
          <h2 id="teacher-day-help" className="mb-2">
            A teacher&apos;s home: who needs you now
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Your home page counts what is waiting across the students you teach now: plans to review, evidence to rate, students with no
              evidence in 14 days, goals past their target date that are not yet proficient, and unresolved comment threads.
            </li>
            <li>
              Rate evidence right there, oldest first. In a rating form, press 1–9 to choose a level of the scale (lowest first), type your
              feedback and press Enter to save (Shift+Enter for a new line); the next piece of evidence&apos;s form is ready for you.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="standards-help">
          <h2 id="standards-help" className="mb-2">
            Standards
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              To link standards to a goal, press <strong>Find standards</strong> under the goal and type a code (7.RP.A.2) or some words
              (proportional). Filter by subject, grade or framework, use <strong>Browse</strong> to go through a framework domain by domain,
              and <strong>More standards</strong> for the next page. Chosen standards show as chips you can remove.
            </li>
            <li>
              A standard that its framework has since dropped stays on the goals that use it, marked retired; it is no longer offered for
              new goals.
            </li>
            <li>
              Administrators import frameworks under <strong>Standards</strong> (admin menu) from a CASE 1.0 package: a district&apos;s are
              shared by all its schools, a school&apos;s are its own. Importing a newer version updates the framework in place.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="history-help">
          <h2 id="history-help" className="mb-2">
            History and proposed changes
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              &ldquo;History&rdquo; on a plan lists every saved version: who saved it, when, and why. Choose any two to see them side by
              side, with removed text struck through and added text underlined. Whoever may edit the plan now can restore an earlier
              version: it becomes the newest one, and every version stays in the history. A goal that has evidence is never dropped by a
              restore.
            </li>
            <li>
              An active plan changes by agreement: the student chooses &ldquo;Propose a change&rdquo;, edits the plan and sends it with a
              note. Their teacher sees exactly what would change and approves or declines it (with a reason); the student may withdraw it
              while it waits. The plan stays active all along, and one proposal waits at a time.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="records-help">
          <h2 id="records-help" className="mb-2">
            Learning records: learning outside class
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Students choose <strong>Learning records</strong>, then <strong>Record learning</strong>: what they did and learned, where,
              when, for how long and with whom, with photos (a phone offers its camera), files or links. Files follow the same rules as
              evidence: images, PDFs and office documents up to 10 MB.
            </li>
            <li>
              On a record&apos;s page the student links the standards it shows and goals of their plans, then chooses{" "}
              <strong>Ask for review</strong>: their teachers are notified and rate it on each linked standard. Unlinking a standard takes
              it out of the teachers&apos; queue; each link and unlink is kept with who and when.
            </li>
            <li>A record can be edited at any time, and deleted until a teacher rates it (then it counts toward progress and stays).</li>
            <li>
              Learning apps the school connects can suggest records; only the student sees a suggestion until they accept or dismiss it.
            </li>
            <li>
              Records are the student&apos;s: their family and the teachers who teach them now can read them (from the student&apos;s page);
              nobody else, not even admins.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="roles">
          <h2 id="roles" className="mb-2">
            More than one role
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Some people have more than one role in the district — a teacher who is also a parent, or an admin of the whole district. If
              you do, choose the one you are acting as in the header and press Switch; your home page and lists follow that choice.
            </li>
            <li>
              Whichever you act as, you can open everything any of your roles lets you see, and on each record you can do what your
              relationship to it allows: on your own child&apos;s plan you are a parent, even while you act as a teacher.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="privacy">
          <h2 id="privacy" className="mb-2">
            Privacy
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Students see only their own plans; teachers only the plans of students they teach this term; parents only their linked
              children&apos;s; school admins everything in their school, district admins everything in their district. Nothing is shared
              between districts.
            </li>
            <li>Uploaded files are served only to people who may see the plan they belong to.</li>
            <li>Notifications show only what you may open now: if you lose access to a plan, its notifications disappear too.</li>
            <li>
              Sessions end after 12 hours; teachers and admins are asked to sign in again after 30 minutes without activity (what you were
              typing stays on the page: sign in again in another tab and save). Sign out on shared computers, or use{" "}
              <strong>Sign out everywhere</strong> on <strong>Your account</strong> if you lost a device; changing your password there signs
              out every other device too.
            </li>
            <li>
              Signing in with your school account works only if your school has added you; Pathways never makes accounts on its own. Forgot
              your password? Use the link on the sign-in page: the emailed link works once, for an hour.
            </li>
            <li>After 10 wrong passwords in 15 minutes, signing in pauses for 15 minutes, to stop people guessing.</li>
          </ul>
        </Card>
        <Card aria-labelledby="disclosure-help">
          <h2 id="disclosure-help" className="mb-2">
            Who saw what
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              Every time someone other than the student opens a student&apos;s plan, page, profile, progress, evidence file, learning record
              or study agreement, Pathways notes who, what, when and from where — and notes refused attempts too. The note cannot be changed
              or removed.
            </li>
            <li>
              Students (on <strong>My learner profile</strong>) and parents (on <strong>My children</strong>) can see which teachers and
              staff opened their records: <strong>Who opened … records</strong>.
            </li>
            <li>
              Admins read the whole log for their school or district under <strong>Who saw what</strong>, filter it by student, person, what
              was opened, dates and outcome, and download it as a CSV file.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="admin-people">
          <h2 id="admin-people" className="mb-2">
            For admins: people and classes
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              <strong>People</strong> lists everyone in the schools you run. Search by name or email, filter by role, school, disabled
              accounts or former members, and open a person to edit their details, add or end a role, link a parent or guardian, or send a
              link to set a password. New people get no password from you: they sign in with their school account or set one from that link.
            </li>
            <li>
              Disabling an account signs the person out everywhere at once; enabling it lets them sign in again. Deleting removes the person
              and what is theirs for good, so disable instead when in doubt. You change the account only of people who belong to no school
              you do not run; a district admin can change anyone in the district.
            </li>
            <li>
              <strong>Classes</strong>: add courses and terms first, then a class of a course. On the class page, add its teachers (several
              for co-teaching, or aides) and enroll students by searching for them, move a student to another class, or end an enrollment or
              the whole class. Ending works from today (yesterday becomes the last day) and never deletes anything: a teacher stops seeing a
              student&apos;s plans the day their enrollment ends.
            </li>
            <li>Every change is recorded in the audit log. Changes made from the roster show “From the roster”.</li>
            <li>
              <strong>Roster import</strong> (district admins): upload your student information system&apos;s OneRoster 1.1 CSV export (a
              zip, or the CSV files). First you see what would be created, updated and ended, and every row that cannot be imported with its
              file, line and reason; then apply it, all at once or not at all. Importing the same files again changes nothing; people or
              enrollments missing from a later export are ended, never deleted. A roster never re-enables an account you disabled, and a
              role you ended by hand stays ended.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="agreement-help">
          <h2 id="agreement-help" className="mb-2">
            Independent study agreements
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              An independent study plan carries a written agreement: open it from the plan&apos;s page. The student or their teacher starts
              it and fills in its nine elements, from how work is handed in to who signs; the board&apos;s policies are copied in as an
              admin set them.
            </li>
            <li>
              The teacher sends it for signatures. Anything missing is refused with a message beside that element. The student, a parent or
              guardian (under 18), the supervising teacher and everyone assisting each read it whole and sign with their typed full name;
              each of them gets a notification and an email with a link to it. It is active when everyone has signed. The page says whether
              signatures are due before the start or within 10 school days.
            </li>
            <li>
              Changing a sent agreement clears its signatures and sends the new version. Every version stays printable with its signatures,
              their times and the revision hash.
            </li>
            <li>
              Under an active agreement the teacher assigns work per subject, due within the board&apos;s maximum; the student marks it
              submitted; the teacher records it completed (with its time value) or missed. When missed work reaches the board&apos;s limit
              an evaluation is due: it is listed first on the teacher&apos;s home and the family is told the same day, in the app and by
              email. The teacher records a dated evaluation — continue with changes, or return to the classroom within five school days —
              which the family can read.
            </li>
          </ul>
        </Card>
        <Card aria-labelledby="study-settings-help">
          <h2 id="study-settings-help" className="mb-2">
            For admins: independent study settings
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>
              <strong>Independent study</strong> (admin menu) holds the board&apos;s policies every agreement states: the most school days
              from assigning work to its due date for each grade, the missed assignments allowed before an evaluation, what satisfactory
              progress means, and the core subjects every agreement must cover. A school uses the district&apos;s unless it sets its own;
              &ldquo;Use the district&apos;s policies instead&rdquo; removes a school&apos;s own.
            </li>
            <li>
              An agreement copies the policies when it is sent for signatures, so changing them never alters an agreement already sent.
            </li>
            <li>
              The school year (first and last day) and closures such as holidays and breaks decide which days are school days. A school uses
              the district&apos;s school year unless it sets its own, and the district&apos;s closures apply at every school. A closure is a
              weekday within the school year, one entry per day.
            </li>
            <li>District admins change the district and every school; a school admin changes their school and sees the district&apos;s.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}

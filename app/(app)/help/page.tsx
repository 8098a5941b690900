import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { LEVEL_DESCRIPTION, LEVEL_LABEL, LEVELS } from "@/lib/mastery/levels";

export const metadata: Metadata = { title: "Help" };

export default async function HelpPage() {
  await requireActor();
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
            <li>Parents and guardians see their own children&apos;s plans, feedback, ratings and progress. They cannot change them.</li>
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
            {LEVELS.map((l) => (
              <div key={l}>
                <dt className="font-medium">{LEVEL_LABEL[l]}</dt>
                <dd className="text-slate-700">{LEVEL_DESCRIPTION[l]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-700">
            A goal&apos;s level is computed from its ratings by the school&apos;s rule (by default, the most recent rating). A plan&apos;s
            progress is the share of its goals at Proficient or above — never time spent.
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
              tells you instead of overwriting their work, and keeps what you typed in the form.
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
      </div>
    </>
  );
}

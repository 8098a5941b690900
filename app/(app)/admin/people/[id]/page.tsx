import type { Metadata } from "next";
import { DeletePersonForm } from "@/components/deletion/delete-person-form";
import { GuardianLinkForm } from "@/components/people/guardian-link-form";
import { MembershipForm } from "@/components/people/membership-form";
import { PersonEditForm } from "@/components/people/person-edit-form";
import { mayExport } from "@/lib/export/queries";
import { ClassesTable, FamilyList, MembershipsTable, Section } from "@/components/people/person-sections";
import { RunButton } from "@/components/people/run-button";
import { StatusMessage } from "@/components/people/status-message";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { administeredOrganizations, getPersonForAdmin } from "@/lib/people/admin-queries";
import { gradeLabel, gradeValue } from "@/lib/people/admin-schemas";
import {
  addMembershipAction,
  deletePersonAction,
  disablePersonAction,
  enablePersonAction,
  endMembershipAction,
  linkGuardianAction,
  pickPeopleAction,
  sendResetLinkAction,
  unlinkGuardianAction,
  updatePersonAction,
} from "../actions";

export const metadata: Metadata = { title: "Person" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PersonPage({ params, searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const { id } = await params;
  const [person, organizations, exportable] = await Promise.all([
    orNotFound(getPersonForAdmin(actor, id)),
    administeredOrganizations(actor),
    mayExport(actor, id),
  ]);
  const done = (await searchParams).done;
  const here = `/admin/people/${person.id}`;
  const DONE: Record<string, string> = {
    created: `${person.name} was added.`,
    "created-link-sent": `${person.name} was added, and a link to set a password was sent to ${person.email}.`,
    "created-link-failed": `${person.name} was added, but the link to set a password could not be sent. Try “Send password-reset link” again below.`,
    "membership-ended": "The membership was ended.",
    unlinked: "The link was removed.",
    disabled: `${person.name}'s account is disabled and every session of theirs has ended.`,
    enabled: `${person.name}'s account is enabled again.`,
  };
  const facts = [
    person.isStudent && person.gradeLevel !== null ? gradeLabel(person.gradeLevel) : null,
    person.disabled ? "Account disabled" : null,
    person.lastSignInAt ? `Last signed in ${formatTime(person.lastSignInAt)}` : "Has never signed in",
  ].filter(Boolean);

  return (
    <>
      <PageHeader title={person.name} description={<span className="break-all">{[person.email, ...facts].join(" · ")}</span>} />
      <div className="mb-6">
        <StatusMessage message={typeof done === "string" ? DONE[done] : null} />
      </div>
      <div className="space-y-6">
        <Section id="account" title="Account">
          {person.manageable ? (
            <>
              <PersonEditForm
                initial={{ userId: person.id, name: person.name, email: person.email, gradeLevel: gradeValue(person.gradeLevel) }}
                isStudent={person.isStudent}
                update={updatePersonAction}
              />
              <div className="flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4">
                {person.isSelf ? null : person.disabled ? (
                  <RunButton
                    action={enablePersonAction}
                    input={{ userId: person.id }}
                    label="Enable account"
                    href={`${here}?done=enabled`}
                  />
                ) : (
                  <RunButton
                    action={disablePersonAction}
                    input={{ userId: person.id }}
                    label="Disable account"
                    variant="danger"
                    confirm={{
                      question: `Disable ${person.name}'s account? They are signed out everywhere at once and cannot sign in until you enable it again. Nothing is deleted.`,
                      yes: "Disable account",
                    }}
                    href={`${here}?done=disabled`}
                  />
                )}
                {person.disabled ? null : (
                  <RunButton
                    action={sendResetLinkAction}
                    input={{ userId: person.id }}
                    label="Send password-reset link"
                    done={`A link to set a new password was sent to ${person.email}. It works once, for an hour.`}
                  />
                )}
              </div>
            </>
          ) : (
            <p className="text-sm text-slate-700">
              {person.name} also belongs to a school you do not run, so only a district admin can change their account. You can still change
              their roles and classes here.
            </p>
          )}
          <p className="text-xs text-slate-600">
            Added {formatDay(person.createdAt)}
            {person.fromRoster ? " from the roster" : ""}.
          </p>
        </Section>

        <Section id="memberships" title="Roles">
          <MembershipsTable person={person} end={endMembershipAction} />
          <h3 className="text-base font-semibold">Add a role</h3>
          <MembershipForm userId={person.id} organizations={organizations} add={addMembershipAction} />
        </Section>

        <Section id="classes" title="Classes">
          <ClassesTable person={person} />
        </Section>

        {person.isStudent ? (
          <Section id="guardians" title="Parents and guardians">
            <FamilyList
              people={person.guardians}
              link={(g) => ({
                guardianId: g.id,
                studentId: person.id,
                question: `Unlink ${g.name}? They will no longer see ${person.name}'s plans.`,
              })}
              unlink={unlinkGuardianAction}
              empty="No parent or guardian is linked yet."
              doneHref={`${here}?done=unlinked`}
            />
            <h3 className="text-base font-semibold">Link a parent or guardian</h3>
            <GuardianLinkForm person={{ id: person.id }} side="guardian" search={pickPeopleAction} link={linkGuardianAction} />
          </Section>
        ) : null}

        {person.isGuardian || person.children.length ? (
          <Section id="children" title="Children">
            <FamilyList
              people={person.children}
              link={(c) => ({
                guardianId: person.id,
                studentId: c.id,
                question: `Unlink ${c.name}? ${person.name} will no longer see their plans.`,
              })}
              unlink={unlinkGuardianAction}
              empty="No child at your schools is linked yet."
              doneHref={`${here}?done=unlinked`}
            />
            <h3 className="text-base font-semibold">Link a child</h3>
            <GuardianLinkForm person={{ id: person.id }} side="student" search={pickPeopleAction} link={linkGuardianAction} />
          </Section>
        ) : null}

        {exportable ? (
          <Section id="export" title="Their data">
            <p className="text-sm text-slate-700">
              One archive with every record Pathways holds about {person.name} — profile, plans and their history, evidence and files,
              ratings, comments, agreements and signatures, learning records, notifications and who opened them — for a request from the
              family or before a deletion. The download is logged.
            </p>
            <a href={`/api/students/${person.id}/export`} download className="font-medium underline">
              Download everything about {person.name}
            </a>
          </Section>
        ) : null}

        {person.deletable && !person.isSelf ? (
          <Section id="delete" title="Delete">
            <p className="text-sm text-slate-700">
              To stop someone signing in, disable their account instead. Deleting removes their account, roles, class enrollments, family
              links and notifications
              {person.isStudent
                ? ", and their plans, learning records and learner profile with every goal, piece of evidence, file, rating and comment on them"
                : ""}
              . What they wrote on other people&apos;s records stays, shown as by a former member. It cannot be undone; a deletion
              certificate says what was removed.
            </p>
            <DeletePersonForm person={{ id: person.id, name: person.name }} remove={deletePersonAction} />
          </Section>
        ) : null}
      </div>
    </>
  );
}

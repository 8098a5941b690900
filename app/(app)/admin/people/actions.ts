"use server";

// Server actions for the admin's people pages. Each is a public endpoint: runAction parses
// the input with the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { sendPasswordResetLink } from "@/lib/auth/password-reset";
import {
  addMembership,
  createPerson,
  disablePerson,
  enablePerson,
  endMembership,
  unlinkGuardian,
  updatePerson,
} from "@/lib/people/admin-commands";
import { pickPeople, requireManagedPerson } from "@/lib/people/admin-queries";
import {
  addMembershipSchema,
  createPersonSchema,
  endMembershipSchema,
  personIdSchema,
  pickPeopleSchema,
  unlinkGuardianSchema,
  updatePersonSchema,
} from "@/lib/people/admin-schemas";
import { deletePerson, linkGuardian } from "@/lib/people/commands";
import { deletePersonSchema, linkGuardianSchema } from "@/lib/people/schemas";

function refresh(userId?: string) {
  if (userId) revalidatePath(`/admin/people/${userId}`);
  revalidatePath("/admin/people");
}

/** Creates the person, then (after the transaction) emails them a link to set a password when asked. */
export async function createPersonAction(input: unknown) {
  const result = await runAction(createPersonSchema, input, async (actor, data) => {
    const { id } = await createPerson(actor, data);
    if (!data.sendLink) return { id, link: null };
    try {
      await sendPasswordResetLink(actor, { userId: id });
      return { id, link: "sent" as const };
    } catch (error) {
      // The person exists either way; the admin can send the link again from their page.
      console.error(error);
      return { id, link: "failed" as const };
    }
  });
  if (result.ok) refresh(result.data.id);
  return result;
}

export async function updatePersonAction(input: unknown) {
  const result = await runAction(updatePersonSchema, input, updatePerson);
  if (result.ok) refresh(result.data.id);
  return result;
}

export async function disablePersonAction(input: unknown) {
  const result = await runAction(personIdSchema, input, disablePerson);
  if (result.ok) refresh(result.data.id);
  return result;
}

export async function enablePersonAction(input: unknown) {
  const result = await runAction(personIdSchema, input, enablePerson);
  if (result.ok) refresh(result.data.id);
  return result;
}

/** Only for people whose account the admin may change (wholly inside what they run). */
export async function sendResetLinkAction(input: unknown) {
  return runAction(personIdSchema, input, async (actor, { userId }) => {
    await requireManagedPerson(actor, userId);
    return sendPasswordResetLink(actor, { userId });
  });
}

export async function addMembershipAction(input: unknown) {
  const result = await runAction(addMembershipSchema, input, addMembership);
  if (result.ok) refresh((input as { userId?: string }).userId);
  return result;
}

/** When ending it puts the person out of the admin's sight, the page goes back to the list. */
export async function endMembershipAction(input: unknown) {
  const result = await runAction(endMembershipSchema, input, async (actor, data) => {
    const ended = await endMembership(actor, data);
    return { ...ended, redirectTo: ended.personVisible ? null : "/admin/people?done=membership-ended" };
  });
  if (result.ok) refresh();
  return result;
}

export async function linkGuardianAction(input: unknown) {
  const result = await runAction(linkGuardianSchema, input, linkGuardian);
  if (result.ok) refresh();
  return result;
}

export async function unlinkGuardianAction(input: unknown) {
  const result = await runAction(unlinkGuardianSchema, input, unlinkGuardian);
  if (result.ok) refresh();
  return result;
}

/** The admin lands on the deletion's certificate. */
export async function deletePersonAction(input: unknown) {
  const result = await runAction(deletePersonSchema, input, async (actor, data) => {
    const { certificateId } = await deletePerson(actor, data);
    return { redirectTo: `/admin/deletions/${certificateId}?done=deleted` };
  });
  if (result.ok) refresh();
  return result;
}

/** The small search that picks a guardian, a student or a teacher for a form. */
export async function pickPeopleAction(input: unknown) {
  return runAction(pickPeopleSchema, input, pickPeople);
}

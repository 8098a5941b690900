"use server";

import { isForm } from "@/lib/auth/form-input";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { runAction } from "@/lib/auth/action";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { ACTING_COOKIE } from "@/lib/auth/session";
import { chooseLocale, chooseLocaleSchema } from "@/lib/i18n/commands";
import { samePageOr } from "@/lib/i18n/back";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { markAllRead } from "@/lib/notifications/queries";
import { chooseMembership } from "@/lib/people/commands";
import { switchMembershipSchema } from "@/lib/people/schemas";
import { z } from "zod";

export async function signOutAction() {
  (await cookies()).delete(ACTING_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

export async function markAllReadAction(input: unknown) {
  const result = await runAction(z.object({}), input ?? {}, markAllRead);
  revalidatePath("/", "layout");
  return result;
}

/** The header's switcher: act in another of one's own memberships, then go to its home. */
export async function switchMembershipAction(form: FormData) {
  if (!isForm(form)) redirect("/");
  const result = await runAction(switchMembershipSchema, { membershipId: form.get("membershipId") }, async (actor, input) =>
    chooseMembership(actor, input),
  );
  if (!result.ok) redirect("/");
  (await cookies()).set(ACTING_COOKIE, result.data.id, { httpOnly: true, sameSite: "lax", path: "/" });
  redirect(ROLE_HOME[result.data.role]);
}

/**
 * The header's language switch: saved with the person, so their emails follow, and remembered by this
 * browser for the pages before signing in.
 */
export async function chooseLocaleAction(form: FormData) {
  if (!isForm(form)) redirect("/");
  const result = await runAction(chooseLocaleSchema, { locale: form.get("locale") }, async (actor, input) => ({
    ...(await chooseLocale(actor, input)),
    home: ROLE_HOME[actor.acting.role],
  }));
  if (!result.ok) redirect("/");
  (await cookies()).set(LOCALE_COOKIE, result.data.locale, { sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  // Back to the page the switch was pressed on, now in the chosen language.
  redirect(await samePageOr(result.data.home));
}

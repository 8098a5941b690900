"use server";

import { isForm } from "@/lib/auth/form-input";
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { ACTING_COOKIE } from "@/lib/auth/session";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { ssoProviderConfigs } from "@/lib/auth/sso";
import { THROTTLED_MESSAGE } from "@/lib/auth/throttle";
import { fieldErrorsOf, MESSAGES, type ActionResult } from "@/lib/errors";
import { localizedFailure } from "@/lib/i18n/failures";
import { chooseLocaleSchema } from "@/lib/i18n/commands";
import { samePageOr } from "@/lib/i18n/back";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

const BAD_CREDENTIALS = "auth.signIn.badCredentials";

// Signing in has no actor yet, so it does not go through runAction; same result shape, in the page's language.
export async function signInAction(input: unknown): Promise<ActionResult> {
  const result = await attemptSignIn(input);
  return result.ok ? result : localizedFailure(result);
}

async function attemptSignIn(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", message: MESSAGES.INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const url = await signIn("credentials", { ...parsed.data, redirect: false });
    if (typeof url === "string" && url.includes("code=throttled")) return { ok: false, code: "RATE_LIMITED", message: THROTTLED_MESSAGE };
    if (typeof url === "string" && url.includes("error=")) return { ok: false, code: "INVALID", message: BAD_CREDENTIALS };
    // A new person starts in their own default membership, not the last one chosen here.
    (await cookies()).delete(ACTING_COOKIE);
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof AuthError) {
      if ((error as { code?: string }).code === "throttled") return { ok: false, code: "RATE_LIMITED", message: THROTTLED_MESSAGE };
      return { ok: false, code: "INVALID", message: BAD_CREDENTIALS };
    }
    throw error;
  }
}

/** Starts single sign-on with one of the configured identity providers. */
export async function ssoSignInAction(form: FormData) {
  if (!isForm(form)) redirect("/sign-in");
  const provider = ssoProviderConfigs().find((p) => p.id === form.get("provider"));
  if (!provider) redirect("/sign-in");
  await signIn(provider.id, { redirectTo: "/" });
}

/** The language of the pages before signing in: this browser's cookie only (signed in, the header's switch saves it with the person). */
export async function chooseSignedOutLocaleAction(form: FormData) {
  const parsed = isForm(form) ? chooseLocaleSchema.safeParse({ locale: form.get("locale") }) : null;
  if (parsed?.success) {
    (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
    revalidatePath("/", "layout");
  }
  // Back to the page the switch was pressed on (sign-in, a reset link), now in the chosen language.
  redirect(await samePageOr("/sign-in"));
}

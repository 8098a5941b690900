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
import { chooseLocaleSchema } from "@/lib/i18n/commands";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

const BAD_CREDENTIALS = "That email and password do not match an active account. Check them and try again.";

// Signing in has no actor yet, so it does not go through runAction; same result shape.
export async function signInAction(input: unknown): Promise<ActionResult> {
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
  if (!isForm(form)) return;
  const parsed = chooseLocaleSchema.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}

"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/errors";

const BAD_CREDENTIALS = "That email and password do not match an active account. Check them and try again.";

export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const url = await signIn("credentials", { ...parsed.data, redirect: false });
    if (typeof url === "string" && url.includes("error=")) return { ok: false, error: BAD_CREDENTIALS };
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, error: BAD_CREDENTIALS };
    }
    throw error;
  }
}

"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { changePassword, signOutEverywhere } from "@/lib/auth/account";
import { changePasswordSchema } from "@/lib/auth/account-schema";
import { runAction } from "@/lib/auth/action";
import { ACTING_COOKIE } from "@/lib/auth/session";

export async function changePasswordAction(input: unknown) {
  const result = await runAction(changePasswordSchema, input, changePassword);
  if (!result.ok) return result;
  // Every session ended with the old password; this browser signs in again with the new
  // one, then loads the page afresh (this request still carries the old cookie).
  const { newPassword } = changePasswordSchema.parse(input);
  await signIn("credentials", { email: result.data.email, password: newPassword, redirect: false });
  redirect("/account?password=changed");
}

export async function signOutEverywhereAction() {
  const result = await runAction(z.object({}), {}, signOutEverywhere);
  (await cookies()).delete(ACTING_COOKIE);
  await signOut({ redirectTo: result.ok ? "/sign-in?ended=everywhere" : "/sign-in" });
}

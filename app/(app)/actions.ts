"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { withActor } from "@/lib/auth/action";
import { markAllRead } from "@/lib/notifications/queries";

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

export async function markAllReadAction() {
  const result = await withActor(async (actor) => {
    await markAllRead(actor);
    return {};
  });
  revalidatePath("/", "layout");
  return result;
}

// The signed-in actor for pages, actions and route handlers.
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { loadActor, type Actor } from "./actor";
import { auth } from "./index";

export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!user?.id) return null;
  return loadActor(user.id, Number(user.sessionVersion));
});

/** The actor, or a redirect to sign-in (for pages). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The actor when their role is one of `roles`; otherwise a 403 page. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

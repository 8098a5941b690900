// The signed-in actor for pages, actions and route handlers.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { loadActor, type Actor } from "./actor";
import { auth } from "./index";

/**
 * The membership a person acts in is a per-browser choice, not part of the session: it
 * only picks among the person's own memberships, and loadActor ignores anything else.
 */
export const ACTING_COOKIE = "pathways-acting";

type SessionUser = { id?: string; sessionVersion?: number; sessionId?: string };

// Reading the session checks its row in the database: once per request is enough.
const currentSessionUser = cache(async () => (await auth())?.user as SessionUser | undefined);

export const currentActor = cache(async (): Promise<Actor | null> => {
  const user = await currentSessionUser();
  if (!user?.id) return null;
  const acting = (await cookies()).get(ACTING_COOKIE)?.value ?? null;
  return loadActor(user.id, Number(user.sessionVersion), acting);
});

/** The id of this browser's session (to mark it among the person's sessions). */
export async function currentSessionId(): Promise<string | null> {
  return (await currentSessionUser())?.sessionId ?? null;
}

/** The actor, or a redirect to sign-in (for pages). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The actor when the membership they act in has one of `roles`; otherwise a 403 page. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.acting.role)) forbidden();
  return actor;
}

// The frame of every server action: a public endpoint, so it finds the actor, lets the
// command parse and authorize, and turns failures into a result the form can show.
import type { ActionResult } from "@/lib/errors";
import { failureOf } from "@/lib/errors";
import type { Actor } from "./actor";
import { currentActor } from "./session";

export async function withActor<T extends object>(fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "Your session has ended. Sign in again in another tab; what you typed is still here." };
  try {
    return { ok: true, ...(await fn(actor)) };
  } catch (error) {
    try {
      return failureOf(error) as ActionResult<T>;
    } catch {
      console.error(error);
      return { ok: false, error: "Something went wrong on our side and nothing was saved. Please try again." };
    }
  }
}

// The frame of every server action. An action is a public endpoint: anyone can post
// anything to it. So: parse with the form's schema, find the actor, run the command
// (which authorizes against role and relationship in one transaction), and answer with
// `ActionResult` and a stable code. Next's own control flow (redirect, notFound,
// forbidden) passes through untouched.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { failureOf, fieldErrorsOf, MESSAGES, type ActionResult } from "@/lib/errors";
import { localizedFailure } from "@/lib/i18n/failures";
import type { Actor } from "./actor";
import { currentActor } from "./session";

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return runPublicAction(schema, input, async (parsed) => {
    const actor = await currentActor();
    if (!actor) throw new SessionEndedError();
    return run(actor, parsed);
  });
}

class SessionEndedError extends Error {}

/** The same frame for the few actions used before signing in (password reset): no actor. */
export async function runPublicAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const result = await runFramed(schema, input, run);
  return result.ok ? result : localizedFailure(result);
}

async function runFramed<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  // Bad input is answered before any database work. The command parses again: it is
  // also called by scripts and tests, and never trusts its caller.
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", message: MESSAGES.INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof SessionEndedError) return { ok: false, code: "SESSION_ENDED", message: MESSAGES.SESSION_ENDED };
    const failure = failureOf(error);
    if (failure) return failure;
    console.error(error);
    return { ok: false, code: "INTERNAL", message: MESSAGES.INTERNAL };
  }
}

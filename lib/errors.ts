// Errors the data access layer throws, and the one shape every server action returns.
import { z } from "zod";

/** The record does not exist, or the actor may not see it (the two are never told apart). */
export class NotFoundError extends Error {
  constructor(what = "That record") {
    super(`${what} was not found, or you do not have access to it.`);
  }
}

/** The actor may see the record but may not do this to it. */
export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
  }
}

/** Someone else changed the record since the actor loaded it. */
export class ConflictError extends Error {}

/** Input that passed the schema but breaks a rule that needs the database to check. */
export class InputError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export type ActionResult<T = object> =
  ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: Record<string, string[]>; conflict?: boolean };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Turns what a command threw into the result a form can show; unknown errors are rethrown. */
export function failureOf(error: unknown): ActionResult {
  if (error instanceof z.ZodError) {
    return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error) };
  }
  if (error instanceof InputError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError) return { ok: false, error: error.message, conflict: true };
  if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, error: error.message };
  throw error;
}

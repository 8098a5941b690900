// Errors the data access layer throws, and the one result shape every server action
// returns. Codes are stable: clients branch on them, never on message text.
import { z } from "zod";

export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "SESSION_ENDED" | "RATE_LIMITED" | "INTERNAL";

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** The record does not exist, or the actor may not see it (the two are never told apart). */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(what = "That record") {
    super(`${what} was not found, or you do not have access to it.`);
  }
}

/** The actor may see the record but may not do this to it. */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do that.") {
    super(message);
  }
}

/** Someone else changed the record since the actor loaded it. */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

/** Too many attempts: the actor must wait (sign-in throttling). */
export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";
}

/** Input that passed the schema but breaks a rule that needs the database to check. */
export class InputError extends DomainError {
  readonly code = "INVALID";
  constructor(
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

export const MESSAGES = {
  INVALID: "Please correct the highlighted fields.",
  SESSION_ENDED: "Your session has ended. Sign in again in another tab; what you typed is still here.",
  INTERNAL: "Something went wrong on our side and nothing was saved. Please try again.",
} as const;

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Turns what a command threw into a failure a form can show; unknown errors give null. */
export function failureOf(error: unknown): ActionFailure | null {
  if (error instanceof z.ZodError) return { ok: false, code: "INVALID", message: MESSAGES.INVALID, fieldErrors: fieldErrorsOf(error) };
  if (error instanceof InputError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
  return null;
}

/** A server action as components receive it (as a prop, so imports run app → components → lib). */
export type ServerAction<I, T = null> = (input: I) => Promise<ActionResult<T>>;

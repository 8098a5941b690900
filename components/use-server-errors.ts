"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";

/**
 * Shows a failed action's message above the form and its field errors next to the
 * fields. What the user typed stays in the form.
 */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>, opts: { pathPrefix?: string } = {}) {
  const [error, setError] = useState<string | null>(null);
  function apply(result: ActionResult<unknown>): boolean {
    if (result.ok) {
      setError(null);
      return true;
    }
    setError(result.message);
    // Actions that wrap the form's values (e.g. { planId, version, plan }) report paths under a prefix.
    const prefix = opts.pathPrefix ?? "";
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
      form.setError(field as Path<T>, { type: "server", message: messages[0] });
    }
    return false;
  }
  return { error, setError, apply };
}

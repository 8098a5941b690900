"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";

/**
 * Shows a failed action's message above the form and its field errors next to the
 * fields. What the user typed stays in the form.
 */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>) {
  const [error, setError] = useState<string | null>(null);
  function apply(result: ActionResult<object>): boolean {
    if (result.ok) {
      setError(null);
      return true;
    }
    setError(result.error);
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(path as Path<T>, { type: "server", message: messages[0] });
    }
    return false;
  }
  return { error, setError, apply };
}

"use client";

import { useEffect, useRef } from "react";

/**
 * The result of an action, announced and focused so that keyboard and screen-reader users
 * land on it (the control they used may be gone after the page refreshes).
 */
export function StatusMessage({ message }: { message?: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 outline-none focus:ring-2 focus:ring-emerald-600"
    >
      {message}
    </p>
  );
}

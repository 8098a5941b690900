"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A status message that takes focus when it appears, so the result of an action is announced and found. */
export function FocusedStatus({ children, className = "" }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      className={`rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ${className}`}
    >
      {children}
    </p>
  );
}

"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The page's heading, focused when the page is the result of an action (after a deletion, the certificate). */
export function FocusHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
      {children}
    </h1>
  );
}

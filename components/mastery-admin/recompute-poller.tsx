"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const REFRESH_MS = 2000;

/**
 * Rendered once per page: while any recompute runs it refreshes the page every two seconds (one
 * timer, however many rows are running), and when the last one ends it says so once in a polite
 * live region. The region is always in the page, so screen readers pick up the change.
 */
export function RecomputePoller({ running }: { running: number }) {
  const router = useRouter();
  const [sawRunning, setSawRunning] = useState(running > 0);
  // Adjusting state to a changed prop during render (React's documented pattern, no extra effect).
  if (running > 0 && !sawRunning) setSawRunning(true);
  const finished = sawRunning && running === 0;

  useEffect(() => {
    if (running === 0) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  return (
    <p role="status" className="text-sm font-medium text-emerald-900">
      {finished ? "Levels recomputed" : ""}
    </p>
  );
}

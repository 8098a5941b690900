"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** As the page passes it: the finish time already formatted on the server (one time zone for both renders). */
export type Progress = { state: "running"; done: number; total: number } | { state: "done"; at: string } | { state: "never" };

const REFRESH_MS = 2000;

/**
 * Where a policy's background recompute stands. While it runs, the page refreshes itself every
 * two seconds; the status is a polite live region, so a screen reader hears it finish.
 */
export function RecomputeProgress({ progress }: { progress: Progress }) {
  const router = useRouter();
  const running = progress.state === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-700">
      {progress.state === "running" ? (
        <span className="font-medium text-amber-900">
          Recomputing: {progress.done} of {progress.total} {progress.total === 1 ? "student" : "students"}
        </span>
      ) : progress.state === "done" ? (
        <span>Levels recomputed at {progress.at}</span>
      ) : (
        <span>Levels are up to date.</span>
      )}
    </p>
  );
}

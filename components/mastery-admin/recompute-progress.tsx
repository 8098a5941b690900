/** As the page passes it: the finish time already formatted on the server (one time zone for both renders). */
export type Progress = { state: "running"; done: number; total: number } | { state: "done"; at: string } | { state: "never" };

/**
 * Where a policy's background recompute stands. Plain text, deliberately not a live region: it
 * changes every couple of seconds while a recompute runs, and a screen reader would hear every
 * change. RecomputePoller refreshes the page and announces the end once.
 */
export function RecomputeProgress({ progress }: { progress: Progress }) {
  return (
    <p className="text-sm text-slate-700">
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

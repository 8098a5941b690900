// Runs once when a Next.js server process starts (`npm start`, `npm run dev`, the e2e server):
// starts the background worker in the app's own process and resumes unfinished mastery
// recomputes. Never during `next build`, which loads this file in its workers with no database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRecomputeWorker } = await import("@/lib/mastery/background");
  // Not awaited: the server answers requests while the worker connects; a failure is logged and
  // retried by the next start (policies stay marked for recompute).
  startRecomputeWorker().catch((error: unknown) => console.error("[jobs] the background worker did not start", error));
}

// Runs once when a Next.js server process starts (`npm start`, `npm run dev`, the e2e server):
// starts the background workers in the app's own process — mastery recomputes, notification
// emails and digests, the daily retention check — and resumes what a restart left unfinished. Never during `next build`, which loads this
// file in its workers with no database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startRecomputeWorker }, { startEmailWorker }, { startDigestWorker }, { startRetentionWorker }] = await Promise.all([
    import("@/lib/mastery/background"),
    import("@/lib/notifications/email"),
    import("@/lib/notifications/digest"),
    import("@/lib/retention/job"),
  ]);
  // Not awaited: the server answers requests while the workers connect; a failure is logged and
  // retried by the next start (policies stay marked for recompute, emails stay pending).
  startRecomputeWorker().catch((error: unknown) => console.error("[jobs] the mastery worker did not start", error));
  startEmailWorker().catch((error: unknown) => console.error("[jobs] the email worker did not start", error));
  startDigestWorker().catch((error: unknown) => console.error("[jobs] the digest worker did not start", error));
  startRetentionWorker().catch((error: unknown) => console.error("[jobs] the retention worker did not start", error));
}

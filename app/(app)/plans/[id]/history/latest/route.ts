// The plan as saved now, for the merge view an editor sees after an edit conflict
// (components/plans/conflict-merge.tsx). Read only; answers like a server action.
import { currentActor } from "@/lib/auth/session";
import { failureOf, MESSAGES } from "@/lib/errors";
import { latestPlanForm } from "@/lib/plans/history";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const headers = { "Cache-Control": "no-store" };
  const actor = await currentActor();
  if (!actor) return Response.json({ ok: false, code: "SESSION_ENDED", message: MESSAGES.SESSION_ENDED }, { status: 401, headers });
  const { id } = await params;
  try {
    return Response.json({ ok: true, data: await latestPlanForm(actor, id) }, { headers });
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return Response.json(failure, { status: failure.code === "NOT_FOUND" ? 404 : 400, headers });
    throw error;
  }
}

// The goal editor's standard picker reads through here: a search or a node's children, one
// page at a time, only standards a plan at the given school may link (lib/standards/queries.ts).
import { currentActor } from "@/lib/auth/session";
import { failureOf, MESSAGES } from "@/lib/errors";
import { searchStandards } from "@/lib/standards/queries";
import { standardSearchSchema } from "@/lib/standards/schemas";

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, INVALID: 400 } as const;

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return Response.json({ ok: false, code: "SESSION_ENDED", message: MESSAGES.SESSION_ENDED }, { status: 401 });
  const parsed = standardSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ ok: false, code: "INVALID", message: "That search is not one the picker makes." }, { status: 400 });
  try {
    const page = await searchStandards(actor, parsed.data);
    return Response.json({ ok: true, data: page }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    return Response.json(failure, { status: STATUS[failure.code as keyof typeof STATUS] ?? 400 });
  }
}

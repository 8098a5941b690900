// The filtered disclosure log as CSV, streamed a batch at a time: the same access and filters as the page.
import { currentActor } from "@/lib/auth/session";
import { disclosureCsv } from "@/lib/disclosure/queries";
import { filtersOf } from "@/lib/disclosure/schemas";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  try {
    const lines = await disclosureCsv(actor, filtersOf(new URL(request.url).searchParams));
    const encoder = new TextEncoder();
    const iterator = lines[Symbol.asyncIterator]();
    // A byte order mark first, so spreadsheets open names with accents correctly.
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode("\uFEFF"));
        }
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="who-saw-what-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
}

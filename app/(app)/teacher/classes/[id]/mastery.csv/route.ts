// The class grid as a CSV file: the same access and filters as the page.
import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { classMasteryGrid } from "@/lib/mastery/class-grid";
import { csvFileName, gridCsv } from "@/lib/mastery/grid-csv";
import { gridOptionsOf, gridQueryOf } from "@/lib/mastery/grid-schemas";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  const { id } = await params;
  try {
    const grid = await classMasteryGrid(actor, id, gridOptionsOf(gridQueryOf(new URL(request.url).searchParams)));
    // A byte order mark, so spreadsheets open names with accents correctly.
    return new Response(`\uFEFF${gridCsv(grid)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFileName(grid.class.name)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
}

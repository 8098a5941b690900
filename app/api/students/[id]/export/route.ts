// Everything about a student as one ZIP, streamed as it downloads: for an admin of the student's
// school or district and for the student's guardians; 404 for anyone else (lib/export).
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { startStudentExport } from "@/lib/export/export";
import { ExportTooLargeError } from "@/lib/export/zip";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  const { id } = await params;
  try {
    const { fileName, body } = await startStudentExport(actor, id);
    return new Response(body, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
    // More than a ZIP file without ZIP64 holds: said before the download starts.
    if (error instanceof ExportTooLargeError) {
      return new Response(error.message, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}

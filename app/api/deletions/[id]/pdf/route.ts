// A deletion certificate as a PDF, for the admins who may see it (lib/people/certificates.ts); 404 otherwise.
import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { certificatePdfFile } from "@/lib/people/certificates";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  const { id } = await params;
  try {
    const { bytes, fileName } = await certificatePdfFile(actor, id);
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // Someone who may not see certificates at all learns no more than about one that does not exist.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return new Response("No such certificate.", { status: 404 });
    throw error;
  }
}

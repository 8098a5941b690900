// The agreement as a PDF: the latest sent version, or ?revision=N for an earlier one, with its signatures.
import { agreementPdfFile } from "@/lib/agreements/queries";
import { requestLocale } from "@/lib/i18n/locale";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  const { id } = await params;
  const revision = new URL(request.url).searchParams.get("revision");
  const number = revision === null ? undefined : Number(revision);
  if (number !== undefined && (!Number.isInteger(number) || number < 1 || number > 100_000)) {
    return new Response("No such version.", { status: 404 });
  }
  try {
    const { bytes, fileName } = await agreementPdfFile(actor, id, number, await requestLocale());
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
    throw error;
  }
}

// A learning record's file, served only to those who may see the record.
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { recordFile } from "@/lib/records/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to see this file.", { status: 401 });
  const { id } = await params;
  try {
    const file = await recordFile(actor, id);
    return new Response(new Uint8Array(file.bytes), { headers: file.headers });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
    throw error;
  }
}

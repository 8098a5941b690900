import "server-only";
import { SANDBOX_POLICY } from "@/lib/security/headers";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { NotFoundError } from "@/lib/errors";
import { evidenceVisibleTo } from "./access";
import { INLINE_TYPES } from "./files";
import { readStoredFile } from "./storage";

/** The bytes and headers of an evidence file, or NotFoundError when the actor may not see it. */
export async function evidenceFile(actor: Actor, evidenceId: string) {
  return withDisclosure(actor, { action: "evidence.file", entityType: "Evidence", entityId: evidenceId }, () =>
    loadFile(actor, evidenceId),
  );
}
async function loadFile(actor: Actor, evidenceId: string) {
  const e = await db.evidence.findFirst({
    where: { AND: [evidenceVisibleTo(actor), { id: evidenceId, kind: "FILE" }] },
    select: { storageKey: true, fileName: true, fileType: true },
  });
  if (!e?.storageKey || !e.fileType) throw new NotFoundError("That file");
  const bytes = await readStoredFile(e.storageKey).catch(() => {
    throw new NotFoundError("That file");
  });
  const name = (e.fileName ?? "evidence").replace(/["\\\r\n]/g, "_");
  const disposition = INLINE_TYPES.has(e.fileType) ? "inline" : "attachment";
  return {
    bytes,
    headers: {
      "Content-Type": e.fileType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": SANDBOX_POLICY,
      "Cache-Control": "private, no-store",
    },
  };
}

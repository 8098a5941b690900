// files/…: every evidence file and learning-record attachment in the export, read from storage a
// chunk at a time. A file missing from storage is listed (missing-files.json), never a failed download.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { openStoredFile } from "@/lib/evidence/storage";
import type { ExportableStudent } from "./access";
import { oldestFirst, oldestFirstBatches } from "./batches";
import { alreadyCompressed, attachmentPath, evidencePath } from "./paths";
import { planScope } from "./plans";
import { recordScope } from "./records";
import type { ZipEntry } from "./zip";

const BATCH = 100;
const fileSelect = { id: true, createdAt: true, fileName: true, storageKey: true } as const;

export type MissingFile = { archivePath: string; recordType: "Evidence" | "LearningRecordAttachment"; id: string };

async function opened(archivePath: string, file: { fileName: string | null; storageKey: string | null }): Promise<ZipEntry | null> {
  try {
    return { name: archivePath, compress: !alreadyCompressed(file.fileName), data: await openStoredFile(file.storageKey ?? "") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The archive entries of the student's files, oldest first; what storage lacks goes into `missing`. */
export async function* fileEntries(actor: Actor, student: ExportableStudent, missing: MissingFile[]): AsyncGenerator<ZipEntry> {
  const evidence = oldestFirstBatches(
    (afterLast) =>
      db.evidence.findMany({
        where: { AND: [{ plan: planScope(actor, student), storageKey: { not: null } }, afterLast] },
        orderBy: oldestFirst,
        take: BATCH,
        select: fileSelect,
      }),
    BATCH,
  );
  for await (const e of evidence) {
    const entry = await opened(evidencePath(e), e);
    if (entry) yield entry;
    else missing.push({ archivePath: evidencePath(e), recordType: "Evidence", id: e.id });
  }
  const attachments = oldestFirstBatches(
    (afterLast) =>
      db.learningRecordAttachment.findMany({
        where: { AND: [{ record: recordScope(actor, student), storageKey: { not: null } }, afterLast] },
        orderBy: oldestFirst,
        take: BATCH,
        select: fileSelect,
      }),
    BATCH,
  );
  for await (const a of attachments) {
    const entry = await opened(attachmentPath(a), a);
    if (entry) yield entry;
    else missing.push({ archivePath: attachmentPath(a), recordType: "LearningRecordAttachment", id: a.id });
  }
}

// Whether one student's archive fits in a ZIP file. fflate writes no ZIP64, so an archive, and
// each file in it, must stay under 4 GB, with at most 65 535 entries; past that it would write a
// broken file without a word. The files' sizes are known before the first byte (their rows say),
// so an archive that cannot fit is refused up front with a message the route gives as a 413;
// zip.ts still counts as it writes, in case the JSON documents grow past the room kept for them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ExportableStudent } from "./access";
import { planScope } from "./plans";
import { recordScope } from "./records";
import { ExportTooLargeError, size, ZIP_LIMITS, type ZipLimits } from "./zip";

/** README.txt, the JSON documents and missing-files.json. */
export const DOCUMENT_ENTRIES = 10;
/** An entry's local header, data descriptor and central directory record, its name written twice at most this long. */
export const ENTRY_OVERHEAD = 30 + 16 + 46 + 2 * 512;

/** ExportTooLargeError when the student's files would not fit in one ZIP file within `limits`. */
export async function checkArchiveSize(actor: Actor, student: ExportableStudent, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const stored = { storageKey: { not: null } };
  const [evidence, attachments] = await Promise.all([
    db.evidence.aggregate({
      where: { AND: [{ plan: planScope(actor, student) }, stored] },
      _count: { _all: true },
      _sum: { fileSize: true },
      _max: { fileSize: true },
    }),
    db.learningRecordAttachment.aggregate({
      where: { AND: [{ record: recordScope(actor, student) }, stored] },
      _count: { _all: true },
      _sum: { fileSize: true },
      _max: { fileSize: true },
    }),
  ]);
  const files = evidence._count._all + attachments._count._all;
  const entries = files + DOCUMENT_ENTRIES;
  if (entries > limits.entries)
    throw new ExportTooLargeError(`it holds ${files} files, and one ZIP file holds at most ${limits.entries - DOCUMENT_ENTRIES}`);
  const largest = Math.max(evidence._max.fileSize ?? 0, attachments._max.fileSize ?? 0);
  if (largest > limits.entryBytes)
    throw new ExportTooLargeError(`one of its files is ${size(largest)}, and a ZIP file holds files of at most ${size(limits.entryBytes)}`);
  const bytes = (evidence._sum.fileSize ?? 0) + (attachments._sum.fileSize ?? 0);
  if (bytes + entries * ENTRY_OVERHEAD + limits.documentBytes > limits.archiveBytes) {
    throw new ExportTooLargeError(
      `its files come to ${size(bytes)}, and one ZIP file holds at most ${size(limits.archiveBytes - limits.documentBytes)}`,
    );
  }
}

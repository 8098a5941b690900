// Everything about a student, on request (issue 11): one ZIP with a README, a JSON file per kind of
// record and the files themselves, streamed as the reader downloads it. Who may, and what each gets,
// is access.ts; the download is noted in the disclosure log and the audit log before the first byte.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { findExportableStudent, type ExportableStudent } from "./access";
import { fileEntries, type MissingFile } from "./files";
import { jsonDocument } from "./json";
import { exportFileName } from "./paths";
import { notifications, disclosureLog, profileComments, profileRevisions, studentFacts } from "./people";
import { agreements } from "./agreements";
import { plans } from "./plans";
import { readme } from "./readme";
import { learningRecords, statements } from "./records";
import { checkArchiveSize } from "./size";
import { utf8, ZIP_LIMITS, zipStream, type ZipEntry, type ZipLimits } from "./zip";

async function* once(text: string) {
  yield text;
}

function json(name: string, fields: Parameters<typeof jsonDocument>[0]): ZipEntry {
  return { name, compress: true, data: utf8(jsonDocument(fields)) };
}

/** The archive's entries in order; each reads its rows only when the download reaches it. */
export async function* archiveEntries(actor: Actor, student: ExportableStudent, at: Date): AsyncGenerator<ZipEntry> {
  yield {
    name: "README.txt",
    compress: true,
    data: utf8(once(readme({ studentName: student.name, exportedBy: actor.name, at, scope: student.scope }))),
  };
  yield json("profile.json", {
    student: await studentFacts(student),
    profileRevisions: profileRevisions(student),
    profileComments: profileComments(student),
  });
  yield json("plans.json", { plans: plans(actor, student) });
  yield json("agreements.json", { agreements: agreements(actor, student) });
  yield json("learning-records.json", { records: learningRecords(actor, student) });
  yield json("xapi-statements.json", { statements: statements(actor, student) });
  yield json("notifications.json", { notifications: notifications(actor, student) });
  yield json("disclosure-log.json", { entries: disclosureLog(actor, student) });
  const missing: MissingFile[] = [];
  yield* fileEntries(actor, student, missing);
  if (missing.length) yield json("missing-files.json", { files: missing });
}

/**
 * The student's archive when the actor may download it: its file name and its bytes as a stream.
 * NotFoundError (noted as a refused disclosure) for anyone else; ExportTooLargeError when it would
 * not fit in one ZIP file (`limits`); an allowed download is noted in the disclosure log and the
 * audit log before it starts.
 */
export async function startStudentExport(actor: Actor, studentId: string, at = new Date(), limits: ZipLimits = ZIP_LIMITS) {
  const student = await withDisclosure(
    actor,
    { action: "export.download", entityType: "User", entityId: studentId },
    async () => {
      const found = await findExportableStudent(actor, studentId);
      // Too large for one ZIP file: refused before anything is noted or sent (ExportTooLargeError, a 413).
      await checkArchiveSize(actor, found, limits);
      return found;
    },
    (s) => s.id,
  );
  await recordAudit(db, {
    organizationId: student.districtId,
    actorId: actor.id,
    action: "student.export",
    entityType: "User",
    entityId: student.id,
    detail: { scope: student.scope },
  });
  return { student, fileName: exportFileName(student.name, at), body: zipStream(archiveEntries(actor, student, at), at, limits) };
}

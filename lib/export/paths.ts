// Where each file sits inside the archive, and the archive's own name. Pure, so the JSON that
// names a file and the entry that holds it always agree.
import { extensionOf } from "@/lib/evidence/files";

// Control characters, and what a file system or an unzip tool could read as a path or a device.
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/** A file name as it can sit in a folder of the archive: the person's name for it, nothing that walks out. */
export function safeName(name: string | null): string {
  const cleaned = (name ?? "").replace(UNSAFE, "_").replace(/^\.+/, "_").trim();
  return cleaned || "file";
}

/** Each file in a folder named by its record's id, so two files called "photo.jpg" never collide. */
export function evidencePath(e: { id: string; fileName: string | null }): string {
  return `files/evidence/${e.id}/${safeName(e.fileName)}`;
}

export function attachmentPath(a: { id: string; fileName: string | null }): string {
  return `files/learning-records/${a.id}/${safeName(a.fileName)}`;
}

// Formats that compress their own content: deflating them again costs time and saves nothing.
const COMPRESSED = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".zip"]);

export function alreadyCompressed(fileName: string | null): boolean {
  return COMPRESSED.has(extensionOf(fileName ?? ""));
}

/** "pathways-export-aisha-rahman-2026-11-30.zip": ASCII only, so every browser keeps it as given. */
export function exportFileName(studentName: string, on: Date): string {
  const slug = studentName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `pathways-export-${slug || "student"}-${on.toISOString().slice(0, 10)}.zip`;
}

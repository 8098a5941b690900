// Which files students may upload as evidence. Shared by the form (instant message)
// and the server (the real check). The stored type comes from the extension, never
// from what the browser claims.
import { keyWith } from "@/lib/i18n/keys";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const FILE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".rtf": "application/rtf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".ppt": "application/vnd.ms-powerpoint",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".odp": "application/vnd.oasis.opendocument.presentation",
};

/** Types a browser may show inline; everything else is downloaded. */
export const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);

export const ACCEPT_ATTRIBUTE = Object.keys(FILE_TYPES).join(",");

export function extensionOf(name: string) {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/** The stored content type, or null when files of this kind are not accepted. */
export function fileTypeOf(name: string): string | null {
  return FILE_TYPES[extensionOf(name)] ?? null;
}

/** What is wrong with a file, with its size in MB for "too big"; null when it is fine. */
export function fileProblemOf(file: { name: string; size: number }): { problem: "empty" | "tooBig" | "type"; megabytes: number } | null {
  const megabytes = file.size / 1024 / 1024;
  if (file.size === 0) return { problem: "empty", megabytes };
  if (file.size > MAX_FILE_BYTES) return { problem: "tooBig", megabytes };
  if (!fileTypeOf(file.name)) return { problem: "type", megabytes };
  return null;
}

/** A message (a catalogue key, with the size when there is one) for the person choosing the file, or null when it is fine. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const found = fileProblemOf(file);
  if (!found) return null;
  if (found.problem === "tooBig") return keyWith("evidence.validation.fileTooBig", { size: found.megabytes });
  return found.problem === "empty" ? "evidence.validation.fileEmpty" : "evidence.validation.fileType";
}

export function formatBytes(n: number) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

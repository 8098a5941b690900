// What an uploaded file really is. The allowed types are named by extension (lib/evidence/files.ts);
// here the bytes must agree: a page or a program renamed to .png or .pdf is refused, whatever the
// browser claimed. Office and OpenDocument files are zip (or, for the old formats, compound-file)
// containers, so those containers are accepted for them. Plain text must not be binary.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { extensionOf, FILE_TYPES } from "@/lib/evidence/files";

/** What file-type may detect for each allowed extension (`null`: nothing, i.e. text). */
const CONTENT: Record<string, readonly (string | null)[]> = {
  ".png": ["png"],
  ".jpg": ["jpg"],
  ".jpeg": ["jpg"],
  ".gif": ["gif"],
  ".webp": ["webp"],
  ".pdf": ["pdf"],
  ".rtf": ["rtf"],
  ".txt": [null],
  ".doc": ["cfb", "doc"],
  ".xls": ["cfb", "xls"],
  ".ppt": ["cfb", "ppt"],
  ".docx": ["docx", "zip"],
  ".xlsx": ["xlsx", "zip"],
  ".pptx": ["pptx", "zip"],
  ".odt": ["odt", "zip"],
  ".ods": ["ods", "zip"],
  ".odp": ["odp", "zip"],
};

const NAMES: Record<string, string> = {
  ".png": "a PNG image",
  ".jpg": "a JPEG image",
  ".jpeg": "a JPEG image",
  ".gif": "a GIF image",
  ".webp": "a WebP image",
  ".pdf": "a PDF",
  ".txt": "plain text",
};

/**
 * Why these bytes are not what their name says (a message for the person), or null when they are.
 * Only the first bytes are read: every signature sits at the start.
 */
export async function contentProblem(name: string, bytes: Uint8Array): Promise<string | null> {
  const ext = extensionOf(name);
  const allowed = CONTENT[ext];
  if (!allowed || !FILE_TYPES[ext]) return "That kind of file cannot be uploaded.";
  const head = bytes.subarray(0, 64 * 1024);
  const detected = (await fileTypeFromBuffer(head))?.ext ?? null;
  // Text must be text: no NUL bytes, and not markup a browser might run if it ever guessed.
  const text =
    detected === null &&
    !head.includes(0) &&
    !/^\s*<(?:!doctype|html|script|svg|\?xml)/i.test(new TextDecoder().decode(head.subarray(0, 512)));
  if (allowed.includes(detected) && (detected !== null || text)) return null;
  const what = NAMES[ext] ?? `a ${ext.slice(1).toUpperCase()} file`;
  return `This file's content is not ${what}, though its name ends in ${ext}. Upload the file itself, saved in that format.`;
}

// Control characters and the bidirectional overrides that make "invoice‮fdp.exe" read as "invoice.exe.pdf".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The name kept for a file: what the person called it, without invisible or direction-changing characters. */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize("NFC").replace(UNSAFE, "").replace(/[\\/]/g, "_").trim();
  // Shortened from the middle of the name, so the extension (which decides the type) survives;
  // by code points, so no character is cut in half.
  const chars = [...cleaned];
  if (chars.length <= 255) return cleaned || "file";
  const found = extensionOf(cleaned);
  const ext = found.length <= 10 ? found : "";
  return chars.slice(0, 255 - [...ext].length).join("") + ext;
}

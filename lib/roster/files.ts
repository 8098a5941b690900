// The files of an upload: a OneRoster zip, or the CSV files themselves. Only the files
// Pathways reads are kept (and stored with the import); demographics.csv and anything
// else is dropped with a note, never read or kept.
import { unzipSync, zipSync } from "fflate";
import type { FileProblem } from "./report";
import { canonicalName, FILE_NAME, MANIFEST, UNUSED_FILES } from "./spec";

export type Upload = { name: string; bytes: Uint8Array };
export type CollectedFiles = { files: Map<string, Uint8Array>; notes: string[]; fileErrors: FileProblem[] };

/** Refuses zips that unpack to more than this (a roster of 100 000 people is far less). */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const READ = new Set([MANIFEST, ...Object.values(FILE_NAME)]);
const UNUSED = new Set<string>(UNUSED_FILES);

function isZip(upload: Upload) {
  const b = upload.bytes;
  return upload.name.toLowerCase().endsWith(".zip") || (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04);
}

function unzip(upload: Upload, out: CollectedFiles): Upload[] {
  let unpacked = 0;
  try {
    const entries = unzipSync(upload.bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new Error("it unpacks to more than 512 MB");
        return !f.name.endsWith("/");
      },
    });
    return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
  } catch (error) {
    out.fileErrors.push({ file: upload.name, reason: `The zip could not be read: ${(error as Error).message}.` });
    return [];
  }
}

export function collectFiles(uploads: Upload[]): CollectedFiles {
  const out: CollectedFiles = { files: new Map(), notes: [], fileErrors: [] };
  const entries = uploads.flatMap((u) => (isZip(u) ? unzip(u, out) : [u]));
  for (const entry of entries) {
    const parts = entry.name.split(/[\\/]/);
    // Folders a zip tool adds (macOS resource forks, hidden files) are not part of the export.
    if (parts.includes("__MACOSX") || (parts.at(-1) ?? "").startsWith(".")) continue;
    const name = canonicalName(entry.name);
    if (READ.has(name)) {
      if (out.files.has(name)) out.fileErrors.push({ file: name, reason: `The upload holds two files named ${name}.` });
      else out.files.set(name, entry.bytes);
    } else if (name === "demographics.csv") {
      out.notes.push("demographics.csv is not needed by Pathways: it was neither read nor kept.");
    } else if (UNUSED.has(name)) {
      out.notes.push(`${name} is not used by Pathways and was ignored.`);
    } else {
      out.notes.push(`${name} is not a OneRoster file and was ignored.`);
    }
  }
  return out;
}

/** The kept files as one zip: what is stored with the import and applied later. */
export function archiveOf(files: Map<string, Uint8Array>): Uint8Array<ArrayBuffer> {
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/** The files of a stored archive. */
export function filesOf(archive: Uint8Array): Map<string, Uint8Array> {
  return collectFiles([{ name: "import.zip", bytes: archive }]).files;
}

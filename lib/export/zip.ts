// A ZIP archive written as it is read: each entry's bytes go through fflate's streaming Zip one
// chunk at a time, and a chunk is only produced when the reader pulls for one. Memory holds a
// chunk or two, whatever the archive's size (docs/decisions/student-export.md).
import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { DomainError } from "@/lib/errors";

/**
 * What a ZIP file without ZIP64 holds (fflate writes none): past these it would write a broken
 * archive without a word. size.ts refuses an export up front by its files' sizes; zipChunks stops
 * with the same error should the JSON documents outgrow the room kept for them.
 */
export type ZipLimits = {
  /** The whole archive, in bytes. */
  archiveBytes: number;
  /** Any one entry, in bytes. */
  entryBytes: number;
  entries: number;
  /** Kept for the README and the JSON documents, whose size is known only as they are written. */
  documentBytes: number;
};

export const ZIP_LIMITS: ZipLimits = {
  archiveBytes: 0xffff_ffff,
  entryBytes: 0xffff_ffff,
  entries: 0xffff,
  documentBytes: 256 * 1024 * 1024,
};

/** The archive would not fit in a ZIP file: the route answers 413 with this message. */
export class ExportTooLargeError extends DomainError {
  readonly code = "INVALID";
  constructor(why: string) {
    super(
      `This export is too large to download as one ZIP file: ${why}. Each file can still be opened on its own from the plans and learning records.`,
    );
  }
}

const MB = 1024 * 1024;
/** Bytes in words: "4.0 GB", "12 MB". */
export function size(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`;
}

export type ZipEntry = {
  /** The path inside the archive, with forward slashes. */
  name: string;
  /** Deflate it; false stores it as is (images, PDFs and office files are compressed already). */
  compress: boolean;
  data: AsyncIterable<Uint8Array>;
};

const encoder = new TextEncoder();

/** Text pieces as bytes, gathered into chunks of about `size` so that tiny pieces do not each cost a chunk. */
export async function* utf8(pieces: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  let pending: string[] = [];
  let length = 0;
  for await (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= size) {
      yield encoder.encode(pending.join(""));
      pending = [];
      length = 0;
    }
  }
  if (pending.length) yield encoder.encode(pending.join(""));
}

function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The archive's bytes, entry after entry, as an async generator (each step does one source chunk's work). */
export async function* zipChunks(
  entries: AsyncIterable<ZipEntry>,
  modified = new Date(),
  limits: ZipLimits = ZIP_LIMITS,
): AsyncGenerator<Uint8Array> {
  let written = 0;
  let count = 0;
  /** The bytes fflate produced, counted against the archive's limit. */
  const counted = (chunk: Uint8Array | null) => {
    written += chunk?.length ?? 0;
    if (written > limits.archiveBytes) throw new ExportTooLargeError(`it comes to more than ${size(limits.archiveBytes)}`);
    return chunk;
  };
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  // What fflate produced for the last step; it works synchronously, so after a push it is all there.
  function take(): Uint8Array | null {
    if (failure) throw failure;
    if (out.length === 0) return null;
    return joined(out.splice(0, out.length));
  }
  for await (const entry of entries) {
    if (++count > limits.entries) throw new ExportTooLargeError(`it holds more than ${limits.entries} files`);
    const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
    file.mtime = modified;
    zip.add(file);
    let length = 0;
    for await (const chunk of entry.data) {
      length += chunk.length;
      if (length > limits.entryBytes) throw new ExportTooLargeError(`${entry.name} is larger than ${size(limits.entryBytes)}`);
      file.push(chunk);
      const ready = counted(take());
      if (ready) yield ready;
    }
    file.push(new Uint8Array(0), true);
    const ready = counted(take());
    if (ready) yield ready;
  }
  zip.end();
  const rest = counted(take());
  if (rest) yield rest;
}

/**
 * A byte stream that asks for the next chunk only when the reader wants one (pull), so a slow
 * download slows the reading of files and rows rather than filling memory. Cancelling it (the
 * download was abandoned) stops the reading and closes the file being read.
 */
export function zipStream(
  entries: AsyncIterable<ZipEntry>,
  modified = new Date(),
  limits: ZipLimits = ZIP_LIMITS,
): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries, modified, limits);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          console.error("student export failed while streaming", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // Nothing is read ahead of the reader.
    { highWaterMark: 0 },
  );
}

// A ZIP archive written as it is read: each entry's bytes go through fflate's streaming Zip one
// chunk at a time, and a chunk is only produced when the reader pulls for one. Memory holds a
// chunk or two, whatever the archive's size (docs/decisions/student-export.md).
import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

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
export async function* zipChunks(entries: AsyncIterable<ZipEntry>, modified = new Date()): AsyncGenerator<Uint8Array> {
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
    const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
    file.mtime = modified;
    zip.add(file);
    for await (const chunk of entry.data) {
      file.push(chunk);
      const ready = take();
      if (ready) yield ready;
    }
    file.push(new Uint8Array(0), true);
    const ready = take();
    if (ready) yield ready;
  }
  zip.end();
  const rest = take();
  if (rest) yield rest;
}

/**
 * A byte stream that asks for the next chunk only when the reader wants one (pull), so a slow
 * download slows the reading of files and rows rather than filling memory. Cancelling it (the
 * download was abandoned) stops the reading and closes the file being read.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>, modified = new Date()): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries, modified);
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

// The proxy's check of server action bodies: what React's own client sends passes, text and
// multipart; what React's decoder throws on (the 500s Next answered) is refused — checked against
// that decoder itself, run in a child process with the react-server condition it needs.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { boundaryOf, MAX_DEPTH, multipartParts, multipartReplyReadable, replyReadable, textReplyReadable, type Part } from "./action-body";

const require = createRequire(import.meta.url);
const CLIENT = "next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js";
const SERVER = require.resolve("next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-server.node.production.js");
const { encodeReply } = require(CLIENT) as { encodeReply: (value: unknown[]) => Promise<string | FormData> };

/** Which text bodies React's decodeReply (as Next calls it) turns into a list of arguments. */
function reactDecodes(bodies: string[]): boolean[] {
  const script = `
    const server = require(${JSON.stringify(SERVER)});
    const bodies = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    (async () => {
      const out = [];
      for (const body of bodies) {
        try {
          const args = await server.decodeReply(body, {}, { temporaryReferences: server.createTemporaryReferenceSet() });
          out.push(Array.isArray(args));
        } catch {
          out.push(false);
        }
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const out = execFileSync(process.execPath, ["--conditions=react-server", "-e", script], {
    input: JSON.stringify(bodies),
    encoding: "utf8",
  });
  return JSON.parse(out) as boolean[];
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

// What a hand-made request can send as text, and whether React decodes it.
const TEXT: [string, string, boolean][] = [
  ["a list of plain arguments", '[{"email":"a@b.co","password":"x"}]', true],
  ["an object sent twice (a reference into part 0)", '[{"x":{"a":1},"y":"$0:0:x"}]', true],
  ["dates, big integers, undefined, an escaped $, Infinity", '["$D2026-01-01T00:00:00.000Z","$n5","$undefined","$$x","$Infinity"]', true],
  ["a form with no fields", '["$K1"]', true],
  ["a temporary reference", '["$T"]', true],
  [`lists nested ${MAX_DEPTH} deep`, nested(MAX_DEPTH), true],
  ["a Map and a Blob in parts that are not there", '["$Q99","$B1"]', false],
  ["a Map in a part that is not there", '["$Q99"]', false],
  ["a Blob in a part that is not there", '["$B1"]', false],
  ["a Set in a part that is not there", '["$W2"]', false],
  ["a typed array elsewhere", '["$o1"]', false],
  ["an outlined object elsewhere", '["$1"]', false],
  ["a bare $", '["$"]', false],
  ["a path into part 0 that is not there", '["$0:zz"]', false],
  ["a temporary reference under a key with a colon", '[{"a:b":"$T"}]', false],
  ["a big integer that is not a number", '["$nzz"]', false],
  ["a big integer of 301 digits", `["$n${"9".repeat(301)}"]`, false],
  ["lists nested 5 000 deep", nested(5000), false],
  ["broken JSON", '["$K1", {"email": ', false],
  ["a number, not a list", "5", false],
  ["an object, not a list", '{"email":"a@b.co"}', false],
  ["nothing", "", false],
];

describe("a text body", () => {
  it.each(TEXT)("%s: %s", (_what, body, readable) => {
    expect(textReplyReadable(body)).toBe(readable);
  });

  it("is refused exactly when React's decoder cannot read it", () => {
    // Deeper than the limit but shallow enough for React: refused by us, not a crash there; everything else agrees.
    const bodies = TEXT.map(([, body]) => body);
    expect(reactDecodes(bodies)).toEqual(TEXT.map(([, , readable]) => readable));
    expect(reactDecodes([nested(MAX_DEPTH + 1)])).toEqual([true]);
    expect(textReplyReadable(nested(MAX_DEPTH + 1))).toBe(false);
  });

  it("passes what React's client sends for every kind of argument that fits in text", async () => {
    const shared = { a: [1, { b: 2 }] };
    for (const args of [
      [],
      [null],
      ["$ text", 1.5, -0, NaN, true],
      [{ x: shared, y: shared }],
      [new Date(0), 12n, undefined, [shared, [shared]]],
    ]) {
      const body = await encodeReply(args);
      expect(typeof body, JSON.stringify(body)).toBe("string");
      expect(textReplyReadable(body as string), body as string).toBe(true);
    }
  });
});

/** A FormData as the bytes a browser sends, with its Content-Type. */
async function encoded(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get("content-type")! };
}

/** A stream giving the bytes `size` at a time, so delimiters and headers are cut across chunks. */
function streamOf(bytes: Uint8Array | string, size = 64 * 1024): ReadableStream<Uint8Array> {
  const all = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= all.length) return controller.close();
      controller.enqueue(all.slice(at, at + size));
      at += size;
    },
  });
}

describe("a multipart body", () => {
  it("passes what React's client sends: a form with a file, a Map and a Set, read whole or a byte at a time", async () => {
    const fields = new FormData();
    fields.append("title", "Scan");
    fields.append("file", new File([new Uint8Array(3000).fill(45)], "scan.pdf", { type: "application/pdf" }));
    for (const args of [
      [{ error: null }, fields],
      [new Map([["k", { a: 1 }]]), new Set([1]), new Blob(["bytes"])],
    ]) {
      const form = await encodeReply(args);
      expect(form).toBeInstanceOf(FormData);
      const { bytes, type } = await encoded(form as FormData);
      for (const size of [1, 7, 64 * 1024])
        expect(await multipartReplyReadable(streamOf(bytes, size), type), `chunks of ${size}`).toBe(true);
    }
  });

  it("names its parts, keeping only the numbered fields' text", async () => {
    const form = new FormData();
    form.append("_1_title", "Scan");
    form.append("_1_file", new File(["%PDF"], "scan.pdf"));
    form.append("0", '["$K1"]');
    const { bytes, type } = await encoded(form);
    const parts = await multipartParts(streamOf(bytes), type);
    expect(parts && Object.fromEntries(parts)).toEqual({
      _1_title: { kind: "field", text: null },
      _1_file: { kind: "file" },
      "0": { kind: "field", text: '["$K1"]' },
    });
  });

  it("scans a 25 MB upload without keeping it, from a request's clone as the proxy does, leaving the request readable", async () => {
    const form = new FormData();
    form.append("_1_file", new File([new Uint8Array(25 * 1024 * 1024)], "big.pdf"));
    form.append("0", '["$K1"]');
    const { bytes, type } = await encoded(form);
    // Next hands the proxy the body as a Node stream; the proxy reads a clone (one branch of a tee).
    const chunks = Array.from({ length: Math.ceil(bytes.length / (64 * 1024)) }, (_, n) => bytes.slice(n * 64 * 1024, (n + 1) * 64 * 1024));
    const init = {
      method: "POST",
      body: Readable.from(chunks) as unknown as BodyInit,
      headers: { "content-type": type },
      duplex: "half" as const,
    };
    const request = new Request("http://localhost/", init);
    expect(await multipartReplyReadable(request.clone().body, type)).toBe(true);
    expect((await request.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it("is refused when it is not multipart with its boundary, lacks part 0, or names parts that are not there", async () => {
    const form = new FormData();
    form.append("1", "[1]");
    form.append("0", '["$Q1","$B2"]');
    const { bytes, type } = await encoded(form);
    const boundary = boundaryOf(type)!;
    const cases: [string, string | Uint8Array, string][] = [
      ["garbage", "garbage", "multipart/form-data; boundary=nothing"],
      ["no boundary declared", bytes, "multipart/form-data"],
      ["another boundary", bytes, "multipart/form-data; boundary=other"],
      ["cut short", bytes.slice(0, bytes.length - 10), type],
      ["only a closing delimiter (no parts)", `--${boundary}--\r\n`, type],
      ["a part header with no colon", `--${boundary}\r\nnonsense\r\n\r\nx\r\n--${boundary}--\r\n`, type],
      ["a file blob where part 2 is not", bytes, type],
    ];
    for (const [what, body, contentType] of cases) expect(await multipartReplyReadable(streamOf(body), contentType), what).toBe(false);
  });

  it("reads a quoted boundary", async () => {
    const body = `--a b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]\r\n--a b--\r\n`;
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(await multipartReplyReadable(streamOf(body, 3), 'multipart/form-data; boundary="a b"')).toBe(true);
  });
});

describe("parts", () => {
  const file = { kind: "file" } as const;
  const field = (text: string) => ({ kind: "field", text }) as const;
  const readable = (...parts: [string, Part][]) => replyReadable(new Map(parts));

  it("a reference must name a part of the right kind, and a place in it that exists", () => {
    expect(readable(["0", field('["$B1"]')], ["1", file])).toBe(true);
    expect(readable(["0", field('["$B1"]')], ["1", field("[]")])).toBe(false);
    expect(readable(["0", field('["$1:a"]')], ["1", field('{"a":2}')])).toBe(true);
    expect(readable(["0", field('["$1:b"]')], ["1", field('{"a":2}')])).toBe(false);
    expect(readable(["0", field('["$R1"]')], ["S1", field("C")])).toBe(true);
    expect(readable(["0", field('["$R1"]')])).toBe(false);
    expect(readable(["0", file])).toBe(false);
  });

  it("a part read through a reference is checked too", () => {
    expect(readable(["0", field('["$Q1"]')], ["1", field('[["k","$B2"]]')])).toBe(false);
    expect(readable(["0", field('["$Q1"]')], ["1", field('[["k","$B2"]]')], ["2", file])).toBe(true);
    expect(readable(["0", field('["$Q1"]')], ["1", field(nested(MAX_DEPTH + 1))])).toBe(false);
  });
});

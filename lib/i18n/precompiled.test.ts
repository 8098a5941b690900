// The built app's catalogues are precompiled (next.config.js) and formatted by use-intl's
// format-only formatter, which the bundler puts in place of the message parser. This file does
// the same swap, so what runs here is what runs in the browser and the server.
import compile from "icu-minify/compile";
import { describe, expect, it, vi } from "vitest";
import { CATALOGUES } from "./catalogues";
import { keyWith, messageText } from "./keys";

vi.mock("use-intl/format-message", () => import("use-intl/format-message/format-only"));

/** A catalogue as the build's loader turns it: every message compiled, nesting kept. */
function precompiled(node: unknown): unknown {
  if (typeof node === "string") return compile(node);
  return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, precompiled(v)]));
}

describe("precompiled catalogues", () => {
  const en = precompiled(CATALOGUES.en);
  const es = precompiled(CATALOGUES.es);

  it("word a message with values in the locale's way", () => {
    const text = keyWith("records.validation.linkLine", { line: 2 });
    expect(messageText(en, text, "en")).toBe("Line 2 is not a full web address starting with https://");
    expect(messageText(es, text, "es")).toMatch(/^La línea 2 /);
  });

  it("keep a plain message as written, and know no key the catalogue lacks", () => {
    expect(messageText(en, "common.errors.INVALID", "en")).toBe(messageText(CATALOGUES.en, "common.errors.INVALID", "en"));
    expect(messageText(en, "common.errors.nothingHere", "en")).toBeUndefined();
  });

  it("compile every message of both languages", () => {
    // The build fails on a message the compiler rejects; this names it sooner.
    expect(() => precompiled(CATALOGUES.en)).not.toThrow();
    expect(() => precompiled(CATALOGUES.es)).not.toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues";
import { localizeFailure } from "./failures";
import { keyWith, messageAt, messageText, parseMessage } from "./keys";

const messages = { a: { line: "Line {line} is wrong", size: "{name} is {size, number, ::.0} MB", plain: "Just words." } };

describe("a message with values", () => {
  it("travels as one string and comes back as its key and values", () => {
    const text = keyWith("a.size", { name: "notes | draft.pdf", size: 12.25 });
    expect(parseMessage(text)).toEqual({ key: "a.size", args: { name: "notes | draft.pdf", size: 12.25 } });
    // A sentence with the separator in it, or with no JSON after it, is no keyed message.
    expect(parseMessage("Pick one | or the other")).toEqual({ key: "Pick one | or the other" });
    expect(parseMessage("a.size|not json")).toEqual({ key: "a.size|not json" });
    expect(parseMessage("a.size|[1]")).toEqual({ key: "a.size|[1]" });
  });

  it("is worded in the locale's way, numbers included", () => {
    expect(messageText(messages, keyWith("a.line", { line: 3 }), "en")).toBe("Line 3 is wrong");
    expect(messageText(messages, keyWith("a.size", { name: "scan.pdf", size: 27 }), "en")).toBe("scan.pdf is 27.0 MB");
    expect(messageText(messages, keyWith("a.size", { name: "scan.pdf", size: 10.04 }), "es")).toBe("scan.pdf is 10,0 MB");
  });

  it("reads plain keys as before, and is no message when its key is unknown or a value is missing", () => {
    expect(messageText(messages, "a.plain", "en")).toBe(messageAt(messages, "a.plain"));
    expect(messageText(messages, "Not a key.", "en")).toBeUndefined();
    expect(messageText(messages, keyWith("a.missing", { line: 1 }), "en")).toBeUndefined();
    expect(messageText(messages, keyWith("a.line", {}), "en")).toBeUndefined();
  });

  it("is translated in an action's failure, beside its field and as its message", () => {
    const text = keyWith("records.validation.linkLine", { line: 2 });
    const failure = { ok: false as const, code: "INVALID" as const, message: text, fieldErrors: { links: [text] } };
    expect(localizeFailure(failure, "en")).toEqual({
      ...failure,
      message: "Line 2 is not a full web address starting with https://",
      fieldErrors: { links: ["Line 2 is not a full web address starting with https://"] },
    });
    expect(localizeFailure(failure, "es").fieldErrors?.links).toEqual([messageText(CATALOGUES.es, text, "es")]);
    expect(localizeFailure(failure, "es").fieldErrors?.links?.[0]).toMatch(/^La línea 2 /);
  });
});

// A translator edits messages/<language>/*.json. These checks fail when a key exists in one language
// and not the other, when a translation drops or invents a {placeholder}, or when code names a
// validation key the catalogue does not have.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues";
import { messageAt } from "./keys";
import { LOCALES } from "./locales";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") out.set(prefix, node);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

/** The argument names an ICU message uses: {name}, {count, plural, ...} — not a plural's branches ("one {goal}"). */
function placeholders(message: string): string[] {
  const argument = /(?<!\b(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z0-9_]+)\s*[,}]/g;
  return [...new Set([...message.matchAll(argument)].map((m) => m[1]!))].sort();
}

const root = path.resolve(__dirname, "../../messages");

describe("the message catalogues", () => {
  it("have the same files in every language, and every file is registered", () => {
    const files = LOCALES.map((l) => readdirSync(path.join(root, l)).sort());
    for (const list of files) expect(list).toEqual(files[0]);
    expect(files[0]!.map((f) => f.replace(/\.json$/, ""))).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it("have every key in every language, and nothing more", () => {
    const english = leaves(CATALOGUES.en);
    for (const locale of LOCALES) {
      const keys = [...leaves(CATALOGUES[locale]).keys()].sort();
      expect(keys, `${locale} against en`).toEqual([...english.keys()].sort());
    }
  });

  it("have the same placeholders in every translation, and no empty message", () => {
    const english = leaves(CATALOGUES.en);
    for (const locale of LOCALES)
      for (const [key, message] of leaves(CATALOGUES[locale])) {
        expect(message.trim(), `${locale}: ${key} is empty`).not.toBe("");
        expect(placeholders(message), `${locale}: ${key}`).toEqual(placeholders(english.get(key) ?? ""));
      }
  });

  it("have every validation key the code names", () => {
    const source = path.resolve(__dirname, "../..");
    const named = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === "generated" || entry.name === "node_modules") continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts"))
          for (const m of readFileSync(full, "utf8").matchAll(/["'`]([a-z][A-Za-z]*\.validation\.[A-Za-z0-9_.]+)["'`]/g)) named.add(m[1]!);
      }
    };
    for (const dir of ["lib", "components", "app"]) walk(path.join(source, dir));
    for (const key of named)
      for (const locale of LOCALES) expect(messageAt(CATALOGUES[locale], key), `${locale}: ${key}`).toBeTypeOf("string");
  });
});

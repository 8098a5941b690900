// The browser gets only part of the catalogue (client-messages.ts): every namespace a client
// component reads must be in the part its pages send.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues";
import { clientMessages, PUBLIC_NAMESPACES } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.includes(".test."))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Namespaces the client components among `files` read with useTranslations or name as keys. */
function namespacesRead(files: string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/^["']use client["']/m.test(text)) continue;
    for (const m of text.matchAll(/useTranslations\(\s*"([a-zA-Z]+)/g)) found.add(m[1]!);
  }
  return found;
}

describe("the catalogue a page sends", () => {
  it("holds every namespace the signed-in app's client components read", () => {
    const sent = Object.keys(clientMessages(CATALOGUES.en, "app"));
    const read = namespacesRead([...sources("components"), ...sources("app/(app)")]);
    expect(read.size).toBeGreaterThan(5);
    for (const ns of read) expect(sent, ns).toContain(ns);
    expect(sent).not.toContain("help");
  });

  it("holds, on the public pages, what their client components read and little else", () => {
    const publicFiles = ["app/sign-in", "app/forgot-password", "app/reset-password", "app/unsubscribe"].flatMap(sources);
    publicFiles.push(...["error.tsx", "not-found.tsx", "forbidden.tsx"].map((f) => path.join(root, "app", f)));
    const sent = Object.keys(clientMessages(CATALOGUES.en, PUBLIC_NAMESPACES));
    for (const ns of namespacesRead(publicFiles)) expect(sent, ns).toContain(ns);
    expect(sent).not.toContain("plans");
  });
});

// The browser gets only part of the catalogue (client-messages.ts): every namespace a client
// component reads must be in the part its pages send.
import { existsSync, readFileSync, readdirSync } from "node:fs";
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

/** `files` and every component, lib or relative module they import, and theirs, and so on. */
function withImports(files: string[]): string[] {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
    return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")].find((f) => existsSync(f));
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/from\s+"((?:@\/|\.\.?\/)[^"]+)"/g)) {
      const found = resolve(file, m[1]!);
      if (found && !found.includes(`${path.sep}generated${path.sep}`)) visit(found);
    }
  };
  files.forEach(visit);
  return [...seen];
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
    const read = namespacesRead(withImports([...sources("components"), ...sources("app/(app)")]));
    expect(read.size).toBeGreaterThan(5);
    for (const ns of read) expect(sent, ns).toContain(ns);
    expect(sent).not.toContain("help");
  });

  it("holds, on the public pages, what their client components read and little else", () => {
    const publicFiles = ["app/sign-in", "app/forgot-password", "app/reset-password", "app/unsubscribe"].flatMap(sources);
    publicFiles.push(...["error.tsx", "not-found.tsx", "forbidden.tsx"].map((f) => path.join(root, "app", f)));
    const sent = Object.keys(clientMessages(CATALOGUES.en, PUBLIC_NAMESPACES));
    // What they import counts too (the unsubscribe page's resubscribe button is a component).
    const read = namespacesRead(withImports(publicFiles));
    expect(read).toContain("notifications");
    for (const ns of read) expect(sent, ns).toContain(ns);
    expect(sent).not.toContain("plans");
  });
});

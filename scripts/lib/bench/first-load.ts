// First-load JavaScript of a page as a browser gets it: every script the page's HTML names
// under /_next/static, summed gzip-compressed. Scripts those scripts load later (a form opened
// on demand) are not first-load, nor are `nomodule` scripts (polyfills only browsers without
// modules fetch). Also the page's HTML, gzip-compressed.
import { gzipSync } from "node:zlib";

export type FirstLoad = { jsKb: number; htmlKb: number; scripts: number };

/** The /_next/static script addresses in a page's HTML, each once. */
export function scriptsIn(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\snomodule\b/i.test(tag[0])) continue;
    const src = /\ssrc="([^"]+)"/i.exec(tag[0])?.[1];
    if (src && src.startsWith("/_next/static/") && src.split("?")[0]!.endsWith(".js")) found.add(src.replace(/&amp;/g, "&"));
  }
  return [...found];
}

const gzipped = (body: Buffer | string) => gzipSync(body).length / 1024;

export async function firstLoad(origin: string, path: string, cookie: string, cache: Map<string, number>): Promise<FirstLoad> {
  const page = await fetch(new URL(path, origin), { headers: { cookie } });
  if (!page.ok) throw new Error(`GET ${path} answered ${page.status}`);
  const html = await page.text();
  const scripts = scriptsIn(html);
  let jsKb = 0;
  for (const src of scripts) {
    if (!cache.has(src)) {
      const script = await fetch(new URL(src, origin));
      if (!script.ok) throw new Error(`GET ${src} answered ${script.status}`);
      cache.set(src, gzipped(Buffer.from(await script.arrayBuffer())));
    }
    jsKb += cache.get(src)!;
  }
  return { jsKb, htmlKb: gzipped(html), scripts: scripts.length };
}

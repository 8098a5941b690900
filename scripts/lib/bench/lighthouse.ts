// Lighthouse's performance score, mobile preset (its default: a mid-range phone, simulated slow
// 4G and a 4× slower CPU), on Debian's Chromium. Signed-in pages get the session cookie on
// every request. The median of `runs` runs, as Lighthouse's own docs advise for variance.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { median } from "./load";

export type LighthouseResult = { score: number; runs: number[]; lcpMs: number; tbtMs: number };

export async function lighthouseScore(url: string, cookie: string | null, runs: number): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: { score: number; lcp: number; tbt: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      });
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr?.runtimeError?.message ?? "no result"}`);
      if (lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse was sent to ${lhr.finalDisplayedUrl}, not ${url}`);
      results.push({
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbt: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
      });
    }
    return {
      score: median(results.map((r) => r.score)),
      runs: results.map((r) => r.score),
      lcpMs: median(results.map((r) => r.lcp)),
      tbtMs: median(results.map((r) => r.tbt)),
    };
  } finally {
    chrome.kill();
  }
}

// The benchmark's arithmetic and verdicts: a wrong percentile or a lenient check would let a
// slow page pass `npm run bench` unseen.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scriptsIn } from "./first-load";
import { median, quantile } from "./load";
import { BUDGET, missesOf, table, type PageResult } from "./report";

const good: PageResult = {
  name: "teacher home",
  path: "/teacher",
  rps: 120,
  floorRps: 200,
  ratio: 0.6,
  p50: 20,
  p95: 60,
  p99: 80,
  statements: 9,
  dbMs: 3.2,
  jsKb: 140,
  htmlKb: 12,
  seqScans: [],
  lighthouse: 98,
};

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("never reports a quantile below a smaller quantile, nor outside the values", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1 }), (values) => {
        const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(values, q));
        expect(p50).toBeLessThanOrEqual(p95!);
        expect(p95).toBeLessThanOrEqual(p99!);
        expect(p99).toBeLessThanOrEqual(Math.max(...values));
        expect(p50).toBeGreaterThanOrEqual(Math.min(...values));
      }),
    );
  });

  it("takes the middle of the rounds", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("budgets", () => {
  it("passes a page within every figure", () => {
    expect(missesOf(good)).toEqual([]);
  });

  it("fails each figure at its boundary", () => {
    expect(missesOf({ ...good, ratio: 0.49 })).toHaveLength(1);
    expect(missesOf({ ...good, ratio: BUDGET.ratio })).toEqual([]);
    expect(missesOf({ ...good, dbMs: BUDGET.dbMs })).toHaveLength(1);
    expect(missesOf({ ...good, p95: BUDGET.p95Ms })).toHaveLength(1);
    expect(missesOf({ ...good, jsKb: BUDGET.jsKb + 0.1 })).toHaveLength(1);
    expect(missesOf({ ...good, lighthouse: 94 })).toHaveLength(1);
    expect(missesOf({ ...good, lighthouse: undefined })).toEqual([]);
    expect(missesOf({ ...good, seqScans: ["Evidence"] })).toEqual(["sequential scan of Evidence"]);
  });

  it("counts a figure it could not measure as a miss", () => {
    expect(missesOf({ ...good, ratio: Number.NaN, dbMs: Number.NaN })).toHaveLength(2);
  });

  it("prints one row per page and the misses' mark", () => {
    const printed = table([good, { ...good, name: "audit log", p95: 300 }], [{ name: "sign-in page", lighthouse: 99 }]).split("\n");
    expect(printed).toHaveLength(5);
    expect(printed[2]).toMatch(/^\| teacher home .*✓ \|$/);
    expect(printed[3]).toMatch(/^\| audit log .*✗ \|$/);
    expect(printed[4]).toMatch(/^\| sign-in page .* 99 \| +✓ \|$/);
  });
});

describe("first-load scripts", () => {
  it("finds each of the page's own scripts once, and nothing else", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script nonce="x" src="/_next/static/chunks/app/page-b.js?dpl=1&amp;v=2"></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/c.js"/>',
      '<script>self.__next_f.push([1,"x"])</script>',
      '<script src="https://elsewhere.example/x.js"></script>',
      '<script src="/_next/static/css/d.css"></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
    ].join("");
    expect(scriptsIn(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/app/page-b.js?dpl=1&v=2"]);
  });
});

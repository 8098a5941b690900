// The load generator of `npm run bench`: plain keep-alive HTTP from this process (pinned to its
// own core), so that what is measured is the server, not a browser. Two shapes of load:
// - saturation: a fixed number of requests always in flight (closed loop) for a while → req/s;
// - a fixed rate: requests sent on a schedule whatever is still in flight (open loop, so a slow
//   answer cannot slow the sender down and hide itself) → latency percentiles.
// A small hand-written loop rather than autocannon: the issue asks for p95, which autocannon
// does not report, and we need nothing else from it.
import http from "node:http";
import { performance } from "node:perf_hooks";

export type Target = { origin: string; path: string; cookie: string };

export class BadStatusError extends Error {}

function get(agent: http.Agent, target: Target): Promise<number> {
  const url = new URL(target.path, target.origin);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie: target.cookie, "accept-encoding": "gzip" } }, (response) => {
      const status = response.statusCode ?? 0;
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        status === 200 ? resolve(bytes) : reject(new BadStatusError(`GET ${target.path} answered ${status} (${bytes} bytes)`)),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Requests per second with `concurrency` requests in flight for `seconds`. */
export async function saturate(target: Target, seconds: number, concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await get(agent, target);
      done++;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return done / ((performance.now() - started) / 1000);
}

/** Latencies (ms) of `rate` requests per second sent for `seconds` on a fixed schedule. */
export async function atFixedRate(target: Target, rate: number, seconds: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const count = Math.round(rate * seconds);
  const start = performance.now() + 50;
  const sent: Promise<number>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // Latency counts from when the request was due, so a late sender does not flatter the server.
      sent.push(get(agent, target).then(() => performance.now() - due));
    }
    return await Promise.all(sent);
  } finally {
    agent.destroy();
  }
}

/** `count` requests one after another (what the per-load database figures are divided by). */
export async function sequential(target: Target, count: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < count; i++) await get(agent, target);
  } finally {
    agent.destroy();
  }
}

/** The q-th quantile (0–1) of `values` by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

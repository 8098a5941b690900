// Test helpers for the xAPI statement receiver: a tool with known credentials, and requests to the
// route handlers' code as an xAPI client sends them.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashSecret } from "@/lib/xapi/auth";
import { handleStatements } from "@/lib/xapi/http";

export type Credentials = { id: string; key: string; secret: string };

export async function makeTool(school: { id: string; districtId: string }, name = "Reading app"): Promise<Credentials> {
  const key = `test_${randomUUID().slice(0, 12)}`;
  const secret = randomUUID();
  const tool = await db.xapiTool.create({
    data: { name, schoolId: school.id, districtId: school.districtId, key, secretHash: await hashSecret(secret) },
    select: { id: true },
  });
  return { id: tool.id, key, secret };
}

export const basic = (c: { key: string; secret: string }) => `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString("base64")}`;

type Options = { query?: string; body?: unknown; headers?: Record<string, string | null>; method?: string };

/** A request to /api/xapi/statements; `headers` null removes a default (version, auth, content type). */
export async function xapi(tool: Pick<Credentials, "key" | "secret"> | null, { query = "", body, headers = {}, method }: Options = {}) {
  const h: Record<string, string> = { "X-Experience-API-Version": "1.0.3" };
  if (tool) h.Authorization = basic(tool);
  if (body !== undefined) h["Content-Type"] = "application/json";
  for (const [k, v] of Object.entries(headers)) {
    for (const existing of Object.keys(h)) if (existing.toLowerCase() === k.toLowerCase()) delete h[existing];
    if (v !== null) h[k] = v;
  }
  const request = new Request(`http://localhost/api/xapi/statements${query ? `?${query}` : ""}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: h,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handleStatements(request);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, unknown> & unknown[] };
}

export const ACTIVITY = "https://reading.example/books/owl-moon";

/** A valid statement: `overrides` replace top-level properties. */
export function statement(overrides: Record<string, unknown> = {}) {
  return {
    actor: { objectType: "Agent", name: "A reader", mbox: "mailto:reader@example.com" },
    verb: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } },
    object: { objectType: "Activity", id: ACTIVITY, definition: { name: { "en-US": "Owl Moon" } } },
    ...overrides,
  };
}

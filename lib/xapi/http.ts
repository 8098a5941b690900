// The statement receiver's HTTP layer: version header, credentials, the alternate request syntax,
// and turning what lib/xapi throws into status codes. The route handlers in app/api/xapi only
// call these.
import "server-only";
import { WRITE_LIMITS, WriteRateLimitedError } from "@/lib/limits/writes";
import { multipartAnswer, readMultipart } from "./attachments";
import { authenticate } from "./auth";
import { XapiError } from "./errors";
import { languagesOf } from "./format";
import { getStatement, listStatements } from "./queries";
import { storeStatements } from "./store";

export const XAPI_VERSION = "1.0.3";
/** What /about lists: every 1.0.x this receiver answers as, and 2.0.0 where it is the same. */
export const SUPPORTED_VERSIONS = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"];
export const STATEMENTS_PATH = "/api/xapi/statements";
const MAX_BODY = 20 * 1024 * 1024;

/** The version the response speaks: 2.0.0 to a 2.0 client, 1.0.3 to every 1.0.x one. */
function versionOf(header: string | null): string {
  if (header === null) throw new XapiError(400, "The X-Experience-API-Version header is required (e.g. 1.0.3).");
  const v = header.trim();
  if (/^1\.0(\.\d+)?$/.test(v)) return XAPI_VERSION;
  if (/^2\.0(\.0)?$/.test(v)) return "2.0.0";
  throw new XapiError(400, `X-Experience-API-Version ${v} is not supported; send 1.0.x (e.g. 1.0.3).`);
}

function baseHeaders(version = XAPI_VERSION): Headers {
  return new Headers({ "X-Experience-API-Version": version, "Cache-Control": "no-store" });
}

export function json(body: unknown, status: number, headers: Headers): Response {
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(error: unknown, version = XAPI_VERSION): Response {
  const headers = baseHeaders(version);
  if (error instanceof XapiError) {
    if (error.status === 401) headers.set("WWW-Authenticate", 'Basic realm="Pathways statement receiver", charset="UTF-8"');
    return json({ error: true, message: error.message }, error.status, headers);
  }
  if (error instanceof WriteRateLimitedError) {
    // 429 with when to send again: a tool's retry logic backs off on this, not on the words.
    const { max, windowSeconds } = WRITE_LIMITS.statement;
    headers.set("Retry-After", String(error.retryAfterSeconds));
    const message = `This request would take this tool past its limit of ${max.toLocaleString("en-US")} statements in ${windowSeconds} seconds, so nothing in it was stored. Send it again in ${error.retryAfterSeconds} seconds.`;
    return json({ error: true, message }, 429, headers);
  }
  console.error(error);
  return json({ error: true, message: "Something went wrong on our side and nothing was stored. Please try again." }, 500, headers);
}

/** A request after the alternate syntax (if used) is unwrapped. */
type XapiRequest = { method: string; params: URLSearchParams; headers: Headers; body: () => Promise<Buffer> };

async function unwrap(request: Request): Promise<XapiRequest> {
  const url = new URL(request.url);
  const method = url.searchParams.get("method");
  if (method === null)
    return {
      method: request.method,
      params: url.searchParams,
      headers: request.headers,
      body: async () => Buffer.from(await request.arrayBuffer()),
    };
  // Alternate request syntax (xAPI 1.0.3 §7.8): POST ?method=X with headers, parameters and content in a form body.
  if (request.method !== "POST") throw new XapiError(400, "The method parameter is only allowed on POST.");
  if ([...url.searchParams.keys()].some((k) => k !== "method"))
    throw new XapiError(400, "With the alternate request syntax, every parameter except method goes in the form body.");
  const m = method.toUpperCase();
  if (!["GET", "HEAD", "PUT", "POST", "DELETE"].includes(m)) throw new XapiError(400, `Unknown method ${method}.`);
  if (!/^application\/x-www-form-urlencoded/i.test(request.headers.get("content-type") ?? ""))
    throw new XapiError(400, "The alternate request syntax needs an application/x-www-form-urlencoded body.");
  const form = new URLSearchParams(await request.text());
  const headers = new Headers();
  const params = new URLSearchParams();
  let content = "";
  const HEADER_FIELDS = ["authorization", "x-experience-api-version", "content-type", "content-length", "if-match", "if-none-match"];
  for (const [key, value] of form) {
    if (key === "content") content = value;
    else if (HEADER_FIELDS.includes(key.toLowerCase())) headers.set(key, value);
    else params.append(key, value);
  }
  // Headers sent the normal way still count (a client may send the version header as a header).
  for (const name of ["authorization", "x-experience-api-version", "accept-language"])
    if (!headers.has(name) && request.headers.has(name)) headers.set(name, request.headers.get(name) as string);
  return { method: m, params, headers, body: async () => Buffer.from(content, "utf8") };
}

/** The statements sent, and the attachments' content when they came as multipart/mixed. */
async function readBody(req: XapiRequest): Promise<{ json: unknown; attachments: Map<string, Buffer> }> {
  const type = req.headers.get("content-type") ?? "";
  const bytes = await req.body();
  if (bytes.length > MAX_BODY) throw new XapiError(413, "The request is too large; send fewer statements at a time.");
  if (/^multipart\/mixed/i.test(type)) return readMultipart(bytes, type);
  if (/^multipart\//i.test(type)) throw new XapiError(400, "Attachments are sent as multipart/mixed, not as another multipart type.");
  try {
    return { json: JSON.parse(bytes.toString("utf8")), attachments: new Map() };
  } catch {
    throw new XapiError(400, "The request body is not valid JSON.");
  }
}

function consistentThrough(headers: Headers) {
  headers.set("X-Experience-API-Consistent-Through", new Date().toISOString());
}

/** /api/xapi/statements, every method. */
export async function handleStatements(request: Request): Promise<Response> {
  let version = XAPI_VERSION;
  let reading = request.method === "GET" || request.method === "HEAD";
  try {
    const req = await unwrap(request);
    reading = req.method === "GET" || req.method === "HEAD";
    version = versionOf(req.headers.get("x-experience-api-version"));
    const tool = await authenticate(req.headers.get("authorization"));
    const headers = baseHeaders(version);
    switch (req.method) {
      case "GET":
      case "HEAD": {
        consistentThrough(headers);
        const languages = languagesOf(req.headers.get("accept-language"));
        const single = req.params.has("statementId") || req.params.has("voidedStatementId");
        const answer = async (body: unknown, statements: Record<string, unknown>[]) => {
          if (req.method === "HEAD") return new Response(null, { status: 200, headers });
          // attachments=true: the statements first, then their attachments' content, as multipart/mixed.
          if (req.params.get("attachments") !== "true") return json(body, 200, headers);
          const multipart = await multipartAnswer(tool, body, statements);
          headers.set("Content-Type", multipart.contentType);
          return new Response(new Uint8Array(multipart.body), { status: 200, headers });
        };
        if (single) {
          const found = await getStatement(tool, req.params, languages);
          headers.set("Last-Modified", found.stored.toUTCString());
          return answer(found.statement, [found.statement]);
        }
        const page = await listStatements(tool, req.params, languages, STATEMENTS_PATH);
        return answer(page, page.statements);
      }
      case "POST": {
        if ([...req.params.keys()].length > 0) throw new XapiError(400, "POST to statements takes no parameters.");
        const body = await readBody(req);
        const ids = await storeStatements(tool, body.json, { attachments: body.attachments });
        consistentThrough(headers);
        return json(ids, 200, headers);
      }
      case "PUT": {
        const statementId = req.params.get("statementId");
        if (statementId === null) throw new XapiError(400, "PUT needs the statementId parameter.");
        if ([...req.params.keys()].some((k) => k !== "statementId")) throw new XapiError(400, "PUT takes only the statementId parameter.");
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(statementId))
          throw new XapiError(400, "statementId: must be a UUID");
        const body = await readBody(req);
        await storeStatements(tool, body.json, { statementId: statementId.toLowerCase(), attachments: body.attachments });
        consistentThrough(headers);
        return new Response(null, { status: 204, headers });
      }
      default:
        throw new XapiError(405, `The statements resource does not take ${req.method}.`);
    }
  } catch (error) {
    const response = errorResponse(error, version);
    // Every answer to a read says how current the store is, a refusal too (clients wait on it).
    if (reading) consistentThrough(response.headers);
    if (reading && request.method === "HEAD") return new Response(null, { status: response.status, headers: response.headers });
    return response;
  }
}

/** /api/xapi/about: public, no credentials (a client asks it which versions to speak). */
export function handleAbout(request: Request): Response {
  const headers = baseHeaders();
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  return json({ version: SUPPORTED_VERSIONS }, 200, headers);
}

/** Every other xAPI resource: named, and said to be out of this receiver's scope. */
export function handleOther(request: Request, resource: string): Response {
  // The version header is checked first, as on every xAPI resource but /about.
  try {
    versionOf(request.headers.get("x-experience-api-version"));
  } catch (error) {
    return errorResponse(error);
  }
  const known = ["activities", "activities/state", "activities/profile", "agents", "agents/profile"];
  const message = known.includes(resource)
    ? `The ${resource} resource is not part of this statement receiver: it stores statements only (see /api/xapi/about).`
    : `There is no xAPI resource "${resource}" here. This statement receiver has /api/xapi/statements and /api/xapi/about.`;
  return json({ error: true, message }, known.includes(resource) ? 501 : 404, baseHeaders());
}

// Runs before every request. The app trusts one address, its configured public URL
// (APP_URL): a server action whose Origin is anything else is refused here, and the
// forwarded host and protocol the app sees are that URL's, whatever a client or proxy sent
// (docs/decisions/trusted-url.md). Every response gets a content-security policy with a nonce
// of its own and the other security headers (docs/decisions/security-headers.md).
// Authorization never happens here: it lives in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { multipartReplyReadable, textReplyReadable } from "@/lib/security/action-body";
import { contentSecurityPolicy, newNonce, SANDBOX_POLICY, securityHeaders } from "@/lib/security/headers";

/** The largest body a server action takes (next.config.js serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 26 * 1024 * 1024;

function plainText(status: number, message: string) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Requests Next.js itself answers with a 500 (docs/decisions/storable-text.md, "Over HTTP"): a
 * path that is not valid percent-encoding, a server action body over the limit (Next cuts it
 * short and the action fails to read it), and an action body React cannot decode into arguments
 * (lib/security/action-body.ts). A browser never sends these; the sender gets a 4xx saying so.
 */
async function malformed(request: NextRequest): Promise<NextResponse | null> {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return plainText(400, "That address is not valid.");
  }
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return plainText(413, "That form sent more than 26 MB. Choose smaller files and try again.");
  }
  // Next reads a body as multipart exactly when its type starts so; every other body is text.
  const type = request.headers.get("content-type") ?? "";
  const readable = type.startsWith("multipart/form-data")
    ? await multipartReplyReadable(request.clone().body, type)
    : textReplyReadable(await request.clone().text());
  return readable ? null : plainText(400, "That form's data could not be read. Reload the page and try again.");
}

export async function proxy(request: NextRequest) {
  const app = appUrl();
  const nonce = newNonce();
  // Route handlers render no page: their responses (files among them) get the sandbox policy.
  const policy = request.nextUrl.pathname.startsWith("/api/")
    ? SANDBOX_POLICY
    : contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", policy);
    for (const [name, value] of Object.entries(securityHeaders({ https: app.protocol === "https:" }))) response.headers.set(name, value);
    return response;
  };
  if (request.method === "POST" && request.headers.has("next-action") && request.headers.get("origin") !== app.origin) {
    return secure(
      new NextResponse("This form was sent from another address. Open Pathways at its own address and try again.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  const refused = await malformed(request);
  if (refused) return secure(refused);
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-host", app.host);
  headers.set("x-forwarded-proto", app.protocol.replace(/:$/, ""));
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("Content-Security-Policy", policy);
  headers.set("x-nonce", nonce);
  return secure(NextResponse.next({ request: { headers } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

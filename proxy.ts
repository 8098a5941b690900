// Runs before every request. The app trusts one address, its configured public URL
// (APP_URL): a server action whose Origin is anything else is refused here, and the
// forwarded host and protocol the app sees are that URL's, whatever a client or proxy sent
// (docs/decisions/trusted-url.md). Authorization never happens here: it lives in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { appUrl } from "@/lib/env";

export function proxy(request: NextRequest) {
  const app = appUrl();
  if (request.method === "POST" && request.headers.has("next-action") && request.headers.get("origin") !== app.origin) {
    return new NextResponse("This form was sent from another address. Open Pathways at its own address and try again.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-host", app.host);
  headers.set("x-forwarded-proto", app.protocol.replace(/:$/, ""));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

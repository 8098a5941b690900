// Where a language switch returns to: the page it was pressed on (the form's Referer, sent on
// same-origin posts under our Referrer-Policy), and only ever a path on this app.
import "server-only";
import { headers } from "next/headers";
import { appUrl } from "@/lib/env";

export async function samePageOr(fallback: string): Promise<string> {
  const referer = (await headers()).get("referer");
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    if (url.origin !== appUrl().origin) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}

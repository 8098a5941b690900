// The one-click unsubscribe a mail program offers (RFC 8058): it posts
// "List-Unsubscribe=One-Click" to the address in the email's List-Unsubscribe header, with no
// cookies. The signed query is the only authority; a tampered one changes nothing.
import { getTranslations } from "next-intl/server";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

export async function POST(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const done = await unsubscribe(params);
  // A mail program shows this, if anything: in the language the request asks for.
  const t = await getTranslations("email.unsubscribe");
  return new Response(done ? t("oneClickDone") : t("oneClickInvalid"), {
    status: done ? 200 : 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

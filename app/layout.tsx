import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { clientMessages, PUBLIC_NAMESPACES } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/catalogues";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pathways", template: "%s · Pathways" },
  description: "Personalized learning plans, evidence of mastery and family access.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not.
  await connection();
  // The language follows the person, not the URL (lib/i18n/locale.ts); `lang` tells screen readers.
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* The signed-in app's layout gives its pages the rest of the catalogue they need. */}
        <NextIntlClientProvider messages={clientMessages(messages as Messages, PUBLIC_NAMESPACES)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}

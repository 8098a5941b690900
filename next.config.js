import createNextIntlPlugin from "next-intl/plugin";

// The language of each request is decided in lib/i18n/request.ts (no locale in URLs). The catalogues
// under messages/ are compiled when the app is built, so no page ships a message parser
// (docs/decisions/precompiled-messages.md).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Several checkouts' test servers can build side by side (PATHWAYS_DIST_DIR=.next-mine).
  distDir: process.env.PATHWAYS_DIST_DIR || ".next",
  // Types are checked by `npm run typecheck` (the first step of `npm test`), not again by every build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // One form sends at most 25 MB of files (a learning record's photos; evidence is one file of
    // up to 10 MB); leave room for its other fields.
    serverActions: { bodySizeLimit: "26mb" },
    // proxy.ts sees every request, so Next buffers each body for it, by default only the first
    // 10 MB — a bigger upload would reach the action cut short. The same limit as the actions.
    proxyClientMaxBodySize: "26mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

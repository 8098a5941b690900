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
    // Evidence files are up to 10 MB; leave room for the form's other fields.
    serverActions: { bodySizeLimit: "11mb" },
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

export default nextConfig;

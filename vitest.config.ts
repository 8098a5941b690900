import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/ marks its data-access modules server-only; tests run them on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "prisma/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    // Integration tests share one throwaway database; each file makes its own district.
    fileParallelism: false,
    testTimeout: 20_000,
    // next-auth imports "next/server" without an extension; let Vite resolve it. use-intl goes
    // through Vite too, so lib/i18n/precompiled.test.ts can swap in the built app's formatter.
    server: { deps: { inline: ["next-auth", "use-intl"] } },
    hookTimeout: 120_000,
  },
});

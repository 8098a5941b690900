import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The architecture's arrows run one way: app → components → lib. These rules make a
// wrong-way import fail the build instead of relying on review (docs/decisions/boundaries.md).
const database = {
  regex: "(^@/|/)lib/(db|generated/prisma/client)(\\.ts)?$",
  allowTypeImports: true,
  message: "Only lib/ talks to the database: ask a query or command in lib/ instead.",
};
const prismaPackage = {
  regex: "^@prisma/",
  allowTypeImports: true,
  message: "Only lib/ talks to the database: ask a query or command in lib/ instead.",
};
const internals = {
  regex: "(^@/|/)lib/[^/]+/(access|internal)(/.*|\\.ts)?$",
  message: "Access builders and internal modules are lib/'s own: use the feature's queries, commands or policy.",
};
const appFromBelow = {
  regex: "(^@/|^(\\.\\./)+)app(/|$)",
  message: "Imports run app → components → lib: pass what you need down as props instead.",
};
const componentsFromLib = {
  regex: "(^@/|^(\\.\\./)+)components(/|$)",
  message: "lib/ is the domain and never imports UI.",
};

const restrict = (...patterns) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { files: ["app/**/*.{ts,tsx}"], ignores: ["**/*.test.ts"], rules: restrict(database, prismaPackage, internals) },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(database, prismaPackage, internals, appFromBelow) },
  { files: ["lib/**/*.{ts,tsx}"], rules: restrict(appFromBelow, componentsFromLib) },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;

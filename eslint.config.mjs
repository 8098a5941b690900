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
// A form's resolver is made with lazyZodResolver, so zod and the resolver load when the form is
// first used, not with every page that shows one (issue 12: first-load budget).
const zodResolverImport = {
  regex: "^@hookform/resolvers/zod$",
  allowTypeImports: true,
  message:
    "Use lazyZodResolver from components/lazy-resolver.ts (a module-level `const resolver = lazyZodResolver<X>(() => import(schemas).then((m) => m.xSchema))`): zod then stays out of the page's first load.",
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
  { files: ["app/**/*.{ts,tsx}"], ignores: ["**/*.test.ts"], rules: restrict(database, prismaPackage, internals, zodResolverImport) },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(database, prismaPackage, internals, appFromBelow, zodResolverImport) },
  // The one module that loads the zod resolver, on demand, for every form.
  { files: ["components/lazy-resolver.ts"], rules: restrict(database, prismaPackage, internals, appFromBelow) },
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

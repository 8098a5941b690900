// The architecture's boundaries are enforced by ESLint (eslint.config.mjs). These
// fixtures are deliberate violations: each must fail lint with the boundary rule, and
// the same code on the right side of the boundary must pass.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });
const RULE = "@typescript-eslint/no-restricted-imports";

async function boundaryErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const cases: { what: string; file: string; code: string }[] = [
  {
    what: "a page imports the Prisma client",
    file: "app/(app)/fixture/page.tsx",
    code: 'import { db } from "@/lib/db";\nexport const x = db;\n',
  },
  {
    what: "a page imports the generated client",
    file: "app/(app)/fixture/page.tsx",
    code: 'import { PrismaClient } from "@/lib/generated/prisma/client.ts";\nexport const x = PrismaClient;\n',
  },
  {
    what: "a route handler imports @prisma/client",
    file: "app/api/fixture/route.ts",
    code: 'import { Prisma } from "@prisma/client";\nexport const x = Prisma;\n',
  },
  {
    what: "a page reaches into a query module's internals",
    file: "app/(app)/fixture/page.tsx",
    code: 'import { plansVisibleTo } from "@/lib/plans/access";\nexport const x = plansVisibleTo;\n',
  },
  {
    what: "a component imports the database by a relative path",
    file: "components/fixture.tsx",
    code: 'import { db } from "../lib/db";\nexport const x = db;\n',
  },
  {
    what: "a component imports from app/",
    file: "components/fixture.tsx",
    code: 'import { createPlanAction } from "@/app/(app)/plans/actions";\nexport const x = createPlanAction;\n',
  },
  {
    what: "lib imports a component",
    file: "lib/fixture.ts",
    code: 'import { Button } from "@/components/ui/button";\nexport const x = Button;\n',
  },
  {
    what: "lib imports from app/",
    file: "lib/fixture.ts",
    code: 'import { signOutAction } from "../app/(app)/actions";\nexport const x = signOutAction;\n',
  },
];

describe("architecture boundaries", () => {
  for (const c of cases) {
    it(`fail lint when ${c.what}`, async () => {
      expect(await boundaryErrors(c.file, c.code)).toHaveLength(1);
    });
  }

  it("allow the arrows that run the right way", async () => {
    expect(await boundaryErrors("lib/fixture.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toEqual([]);
    expect(
      await boundaryErrors("app/(app)/fixture/page.tsx", 'import { getPlan } from "@/lib/plans/queries";\nexport const x = getPlan;\n'),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        "components/fixture.tsx",
        'import type { Role } from "@/lib/generated/prisma/client.ts";\nexport type X = Role;\n',
      ),
    ).toEqual([]);
  });
});

describe("data-access modules", () => {
  it("are all marked server-only, so a client bundle can never include one", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const files = (await readdir(path.join(root, "lib"), { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && !f.startsWith("generated"),
    );
    const unmarked: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(root, "lib", f), "utf8");
      const touchesDb = /from "@\/lib\/db"|from "\.\/db"/.test(text) || f === "db.ts";
      if (touchesDb && !text.includes('import "server-only"')) unmarked.push(f);
    }
    expect(unmarked).toEqual([]);
  });
});

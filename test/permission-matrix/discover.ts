// What the app exposes, read from the file system at test time: every page, every route handler
// and every server action. The permission matrix is checked against this list, so a new page,
// route or action without rows in the tables fails the suite by name.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

function filesNamed(name: string, dir = APP): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesNamed(name, full));
    else if (entry.name === name) out.push(full);
  }
  return out.sort();
}

/** The URL pattern of a page or route file: route groups dropped, dynamic segments kept as written. */
export function urlPattern(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Every page: "/plans/[id]/edit". */
export function discoverPages(): string[] {
  return filesNamed("page.tsx").map(urlPattern);
}

/** Every route handler: "/api/evidence/[id]/file", with the HTTP methods it exports. */
export function discoverRoutes(): { pattern: string; methods: string[] }[] {
  return filesNamed("route.ts").map((file) => {
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/^export (?:async function|const) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map((m) => m[1]!);
    // `export { GET, POST } from …` or `export const { GET, POST } = handlers`.
    for (const m of source.matchAll(/^export (?:const )?\{([^}]*)\}/gm))
      for (const name of m[1]!.split(",").map((n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      ))
        if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.push(name);
    return { pattern: urlPattern(file), methods: [...new Set(methods)].sort() };
  });
}

/** Every server action: "(app)/plans/actions.ts#createPlanAction" (every export of a "use server" actions.ts is callable). */
export function discoverActions(): string[] {
  return filesNamed("actions.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const rel = path.relative(APP, file).split(path.sep).join("/");
    return [...source.matchAll(/^export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/gm)].map((m) => `${rel}#${m[1] ?? m[2]}`);
  });
}

/** The absolute path of an actions file named as in discoverActions. */
export function actionsFile(key: string): string {
  return path.join(APP, key.split("#")[0]!);
}

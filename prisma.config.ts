import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// prisma/orm#27403: the pg adapter cannot decode the catalog types `name` (oid 19)
// and `"char"` (oid 18) that the WebAssembly schema engine queries. Reading them
// as text (oid 25) is lossless. Only the CLI loads this file; the app never does.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
function asText(result: unknown) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Field[] } | undefined)?.fields;
    if (!fields) continue;
    for (const f of fields) {
      if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

const patched = Symbol.for("pathways.pgCatalogTextPatch");
const proto = pg.Client.prototype as unknown as Record<symbol | string, unknown>;
if (!proto[patched]) {
  proto[patched] = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  proto.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: unknown, res: unknown) => void;
      args[last] = (err: unknown, res: unknown) => callback(err, err ? res : asText(res));
      return original.apply(this, args);
    }
    const cbInConfig = args[0] as { callback?: (err: unknown, res: unknown) => void } | undefined;
    if (cbInConfig && typeof cbInConfig === "object" && typeof cbInConfig.callback === "function") {
      const callback = cbInConfig.callback;
      cbInConfig.callback = (err, res) => callback(err, err ? res : asText(res));
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(asText);
    }
    return out;
  };
}

// The pg adapter runs a migration by splitting its script on every ";", which breaks
// PL/pgSQL function bodies (our immutable-revision trigger). Postgres runs a
// multi-statement script sent as one simple query in one implicit transaction, so each
// migration is applied whole and atomically instead.
type ScriptRunner = { executeScript(script: string): Promise<void>; onError(error: unknown): never };
function wholeScripts<T>(adapter: T): T {
  const runner = adapter as unknown as ScriptRunner & { client: pg.Pool };
  runner.executeScript = async (script: string) => {
    try {
      await runner.client.query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  // PATHWAYS_MIGRATIONS_DIR lets the upgrade test apply only the older migrations first.
  migrations: { path: process.env.PATHWAYS_MIGRATIONS_DIR ?? path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (use npm scripts, which set it)");
    return new PrismaPgWholeScripts({ connectionString });
  },
});

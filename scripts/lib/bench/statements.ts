// What a page costs the database, from pg_stat_statements (loaded by the embedded server; a
// server of your own needs `shared_preload_libraries = 'pg_stat_statements'`): statements and
// execution time per load, and EXPLAIN of the heaviest statements to catch a sequential scan of
// a large table. EXPLAIN (GENERIC_PLAN) (Postgres 16+) plans a statement with its parameters
// left as $n, which is what pg_stat_statements keeps.
import pg from "pg";

/** A table with more rows than this must be reached through an index. */
export const LARGE_TABLE_ROWS = 10_000;

export type StatementCost = { statements: number; ms: number; heaviest: { query: string; calls: number; ms: number }[] };

// The job queue's polling (schema "pgboss") and the benchmark's own statements are not the page's.
const NOT_THE_PAGE = `s.query NOT ILIKE '%pg_stat_statements%' AND s.query NOT ILIKE '%"pgboss"%' AND s.query NOT ILIKE '%pgboss.%'`;

export class Statements {
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<Statements> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      await client.query("SELECT count(*) FROM pg_stat_statements");
    } catch (error) {
      await client.end();
      throw new Error(
        `pg_stat_statements is not available (${(error as Error).message}). The embedded server loads it; ` +
          "a server of your own needs shared_preload_libraries = 'pg_stat_statements'.",
      );
    }
    return new Statements(client);
  }

  async reset() {
    await this.client.query("SELECT pg_stat_statements_reset()");
  }

  /** Statements and execution time since the last reset, in this database. */
  async read(): Promise<StatementCost> {
    const where = `d.datname = current_database() AND ${NOT_THE_PAGE}`;
    const from = "pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid";
    const total = await this.client.query<{ calls: string | null; ms: number | null }>(
      `SELECT sum(s.calls)::text AS calls, sum(s.total_exec_time) AS ms FROM ${from} WHERE ${where}`,
    );
    const heaviest = await this.client.query<{ query: string; calls: string; ms: number }>(
      `SELECT s.query, s.calls::text AS calls, s.total_exec_time AS ms FROM ${from} WHERE ${where} ORDER BY s.total_exec_time DESC LIMIT 3`,
    );
    return {
      statements: Number(total.rows[0]?.calls ?? 0),
      ms: Number(total.rows[0]?.ms ?? 0),
      heaviest: heaviest.rows.map((r) => ({ query: r.query, calls: Number(r.calls), ms: r.ms })),
    };
  }

  /** Large tables a statement's generic plan reads with a sequential scan (null: it could not be planned so). */
  async sequentialScans(query: string): Promise<string[] | null> {
    if (!/^\s*(SELECT|WITH)\b/i.test(query)) return [];
    try {
      const plan = await this.client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${pageSized(query)}`,
      );
      const scanned = nodesOf(plan.rows[0]!["QUERY PLAN"][0].Plan)
        .filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"])
        .map((n) => n["Relation Name"]!);
      if (scanned.length === 0) return [];
      const large = await this.client.query<{ relname: string }>(
        "SELECT relname::text AS relname FROM pg_class WHERE relkind = 'r' AND relname = ANY($1) AND reltuples > $2",
        [scanned, LARGE_TABLE_ROWS],
      );
      return large.rows.map((r) => r.relname);
    } catch {
      return null;
    }
  }

  async close() {
    await this.client.end();
  }
}

/**
 * A page reads a page of rows: with its LIMIT left as $n, the generic plan guesses it large and
 * may choose to read a whole table and sort it, a plan the page's real queries never get. So the
 * check plans a page-sized LIMIT (and no OFFSET) instead; every other parameter stays generic.
 */
export function pageSized(query: string): string {
  return query.replace(/\bLIMIT \$\d+/gi, "LIMIT 100").replace(/\bOFFSET \$\d+/gi, "OFFSET 0");
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

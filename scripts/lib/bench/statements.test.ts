import { describe, expect, it } from "vitest";
import { pageSized } from "./statements";

describe("the EXPLAIN check", () => {
  it("plans a page-sized LIMIT and no OFFSET, keeping every other parameter generic", () => {
    const query = `SELECT "id" FROM "User" WHERE "districtId" = $1 ORDER BY "name" LIMIT $2 OFFSET $3`;
    expect(pageSized(query)).toBe(`SELECT "id" FROM "User" WHERE "districtId" = $1 ORDER BY "name" LIMIT 100 OFFSET 0`);
    expect(pageSized(`SELECT 1 FROM t WHERE a = $1`)).toBe(`SELECT 1 FROM t WHERE a = $1`);
  });
});

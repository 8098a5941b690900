// anyOf: a list of ids as one parameter, split by Postgres, finds exactly the ids listed.
import { describe, expect, it } from "vitest";
import { anyOf, db } from "./db";

const ALL = ["cabc123", "bench-p-00001-00", "with,comma", "last"];
const found = async (ids: string[]) =>
  (await db.$queryRaw<{ x: string }[]>`SELECT x FROM unnest(${ALL}::text[]) AS t(x) WHERE x = ${anyOf(ids)} ORDER BY x`).map((r) => r.x);

describe("anyOf", () => {
  it("matches exactly the ids given, none for an empty list", async () => {
    expect(await found(["cabc123", "last", "not-there"])).toEqual(["cabc123", "last"]);
    expect(await found(["bench-p-00001-00"])).toEqual(["bench-p-00001-00"]);
    expect(await found([])).toEqual([]);
  });

  it("sends a list with a comma in an id as an array, so the id is not split", async () => {
    expect(await found(["with,comma"])).toEqual(["with,comma"]);
    expect(await found(["with", "comma"])).toEqual([]);
  });
});

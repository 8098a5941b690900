// NUL and lone surrogates reach the database only from hand-made requests; they used to end
// in a 500 (Postgres refuses NUL, Prisma's engine refuses a lone surrogate). Now every query
// carries them made storable.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { makeDistrict } from "@/test/fixtures";
import { storable, storableText } from "./storable-text";

describe("storable text", () => {
  it("drops NUL, turns a lone surrogate into U+FFFD and leaves whole emoji and other text alone", () => {
    expect(storableText("Plan\u0000title")).toBe("Plantitle");
    expect(storableText("a\uD800b\uDC00c\uDBFF")).toBe("a\uFFFDb\uFFFDc\uFFFD");
    expect(storableText("😀 \u202Eright-to-left\u202C ok")).toBe("😀 \u202Eright-to-left\u202C ok");
    const clean = { title: "ok", goals: [{ ids: ["a", "b"] }], at: new Date(0) };
    expect(storable(clean)).toBe(clean);
  });

  it("cleans nested values and JSON keys without touching dates, bytes or the prototype", () => {
    const at = new Date(0);
    const bytes = new Uint8Array([0, 1]);
    const out = storable({ a: ["x\u0000"], b: { "k\u0000": "\uD800" }, at, bytes, ["__proto__\u0000"]: { polluted: true } });
    expect(out).toMatchObject({ a: ["x"], b: { k: "\uFFFD" } });
    expect(out.at).toBe(at);
    expect(out.bytes).toBe(bytes);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("lets every kind of query carry such text: model operations, transactions and raw SQL", async () => {
    const { district } = await makeDistrict();
    expect(await db.plan.findUnique({ where: { id: "plan\u0000" } })).toBeNull();
    expect(await db.user.findFirst({ where: { name: { contains: "\uDC00", mode: "insensitive" } } })).toBeNull();
    const org = await db.$transaction((tx) =>
      tx.organization.create({ data: { districtId: district.id, parentId: district.id, type: "SCHOOL", name: "Bad\u0000 \uD800name" } }),
    );
    expect(org.name).toBe("Bad \uFFFDname");
    const raw = await db.$queryRaw<{ v: string }[]>`SELECT ${"a\u0000b"}::text AS v`;
    const sql = await db.$queryRaw<{ v: string }[]>(Prisma.sql`SELECT ${"\uDBFF"}::text AS v`);
    const unsafe = await db.$queryRawUnsafe<{ v: string }[]>("SELECT $1::text AS v", "c\u0000");
    expect([raw[0]?.v, sql[0]?.v, unsafe[0]?.v]).toEqual(["ab", "\uFFFD", "c"]);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "./password";
import { makeSchool, PASSWORD, person } from "@/test/fixtures";
import { verifyCredentials } from "./sign-in";
import { beginAttempt, clientAddress, MAX_FAILURES, pruneFailures, THROTTLED_MESSAGE, WINDOW_MS } from "./throttle";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("sign-in throttling", () => {
  it("allows 10 failures per account in 15 minutes, then refuses even the right password", async () => {
    const user = await person(s.school, "TEACHER", "Guessed At");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email: user.email, password: `guess ${i}` }, address())).toBeNull();
    }
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, address())).rejects.toThrow(THROTTLED_MESSAGE);
  });

  it("answers an unknown email exactly as a known one: same limit, same message", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@nowhere.test`;
    for (let i = 0; i < MAX_FAILURES; i++) expect(await verifyCredentials({ email, password: "x" }, address())).toBeNull();
    await expect(verifyCredentials({ email, password: "x" }, address())).rejects.toThrow(THROTTLED_MESSAGE);
  });

  it("limits one address across many accounts", async () => {
    const from = address();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email: `spray-${i}-${randomUUID().slice(0, 6)}@nowhere.test`, password: "x" }, from)).toBeNull();
    }
    await expect(verifyCredentials({ email: s.student.email, password: PASSWORD }, from)).rejects.toThrow(THROTTLED_MESSAGE);
    // The student is not locked out from elsewhere.
    expect(await verifyCredentials({ email: s.student.email, password: PASSWORD }, address())).toMatchObject({ id: s.student.id });
  });

  it("holds under parallel guesses (the count is in the database, taken under a lock)", async () => {
    const user = await person(s.school, "STUDENT", "Parallel Target");
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => verifyCredentials({ email: user.email, password: `parallel ${i}` }, address())),
    );
    const refused = results.filter((r) => r.status === "rejected").length;
    expect(results.length - refused).toBe(MAX_FAILURES);
  });

  it("forgives an account's failures once it signs in, and lets it in again after the window", async () => {
    const user = await person(s.school, "STUDENT", "Forgetful");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await verifyCredentials({ email: user.email, password: "nope" }, address());
    expect(await verifyCredentials({ email: user.email, password: PASSWORD }, address())).toMatchObject({ id: user.id });
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expect(await verifyCredentials({ email: user.email, password: "nope" }, address())).toBeNull();

    const key = `account:${user.email}`;
    await db.signInFailure.updateMany({ where: { key }, data: { createdAt: new Date(Date.now() - WINDOW_MS - 1000) } });
    for (let i = 0; i < MAX_FAILURES; i++) await verifyCredentials({ email: user.email, password: "nope" }, address());
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, address())).rejects.toThrow(THROTTLED_MESSAGE);
    await db.signInFailure.updateMany({ where: { key }, data: { createdAt: new Date(Date.now() - WINDOW_MS - 1000) } });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD }, address())).toMatchObject({ id: user.id });
  });

  it("keeps the table small", async () => {
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await db.signInFailure.create({ data: { key: "account:ancient@nowhere.test", createdAt: old } });
    await pruneFailures();
    expect(await db.signInFailure.count({ where: { createdAt: { lte: old } } })).toBe(0);
    expect((await beginAttempt({ account: "fresh@nowhere.test", address: null })).allowed).toBe(true);
  });

  it("takes an unknown email about as long as a wrong password (the dummy hash has the same cost)", async () => {
    const user = await person(s.school, "STUDENT", "Timed");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const time = async (email: string) => {
      const t = performance.now();
      await verifyCredentials({ email, password: "wrong password" }, address());
      return performance.now() - t;
    };
    await time(`warm-${randomUUID()}@nowhere.test`);
    const known = Math.min(await time(user.email), await time(user.email));
    const unknown = Math.min(await time(`x-${randomUUID()}@nowhere.test`), await time(`y-${randomUUID()}@nowhere.test`));
    // bcrypt at cost 12 dominates both; a cheaper dummy would show as a large ratio.
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });
});

describe("the client's address", () => {
  it("is the entry the nearest hop added, skipping trusted proxies", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress(null)).toBeNull();
  });
});

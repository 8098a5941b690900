import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeDistrict, person } from "@/test/fixtures";
import { chooseLocale } from "./commands";
import { localizeFailure } from "./failures";
import { localeOf } from "./locales";

describe("a person's language", () => {
  it("is saved on their own row only, and loads with them", async () => {
    const { school } = await makeDistrict();
    const s = await school("North");
    const student = await person(s, "STUDENT", "Paz Student");
    const other = await person(s, "STUDENT", "Other Student");
    expect(student.locale).toBeNull();
    await chooseLocale(student, { locale: "es" });
    expect((await actorOf(student.id)).locale).toBe("es");
    expect((await actorOf(other.id)).locale).toBeNull();
    await expect(chooseLocale(student, { locale: "fr" })).rejects.toThrow();
    await expect(db.user.update({ where: { id: student.id }, data: { locale: "fr" } })).rejects.toThrow(/User_locale_check/);
  });

  it("writes emails in the person's choice, English when they made none", () => {
    expect(localeOf({ locale: "es" })).toBe("es");
    expect(localeOf({ locale: null })).toBe("en");
    expect(localeOf({ locale: "xx" })).toBe("en");
  });
});

describe("an action's failure", () => {
  const failure = {
    ok: false as const,
    code: "CONFLICT" as const,
    message: "Maya changed this plan a moment ago.",
    fieldErrors: { title: ["common.errors.INVALID", "A sentence the catalogue does not have"] },
  };

  it("keeps the server's own sentence in English and turns keys into text", () => {
    expect(localizeFailure(failure, "en")).toEqual({
      ...failure,
      fieldErrors: { title: ["Please correct the highlighted fields.", "A sentence the catalogue does not have"] },
    });
  });

  it("in Spanish, says its code's message rather than an untranslated sentence", () => {
    const spanish = localizeFailure(failure, "es");
    expect(spanish.message).toMatch(/^Otra persona cambió esto/);
    expect(spanish.fieldErrors?.title?.[0]).toBe("Corrige los campos marcados.");
    expect(localizeFailure({ ok: false, code: "INVALID", message: "common.errors.RATE_LIMITED" }, "es").message).toMatch(/^Fue mucho/);
  });
});

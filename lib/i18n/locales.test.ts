import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "./locales";

describe("the browser's language", () => {
  it("picks the first of our languages by weight, then by order", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7")).toBe("es");
    expect(negotiateLocale("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLocale("en;q=0.5, es;q=0.6")).toBe("es");
    expect(negotiateLocale("ES")).toBe("es");
  });

  it("ignores languages marked not wanted, and has no answer when none of ours is asked for", () => {
    expect(negotiateLocale("es;q=0, en;q=0.1")).toBe("en");
    expect(negotiateLocale("fr, de")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale(";;;,q=,")).toBeNull();
  });

  it("knows only the languages it has catalogues for", () => {
    expect(isLocale("es")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

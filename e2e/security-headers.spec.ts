// Every response carries the security headers, and every page's scripts run under a
// content-security policy whose nonce is new on each response: the app works with no script
// outside it (a violation would fail the journeys, and is looked for here).
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { signIn } from "./helpers";

function expectSecure(response: { headers(): Record<string, string> } | null) {
  const h = response?.headers() ?? {};
  const policy = h["content-security-policy"] ?? "";
  expect(policy).toMatch(/^default-src 'self'/);
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  return policy.match(/'nonce-([^']+)'/)?.[1] ?? "";
}

test("pages, errors and API responses all carry the headers, each page with a nonce of its own", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });

  const first = await page.goto("/sign-in");
  const nonce = expectSecure(first);
  // Every script the page was sent carries this response's nonce. (Chunks the page's own scripts load
  // later are trusted through 'strict-dynamic' and carry none: the response's HTML is what is checked.)
  const scripts = [...(await first!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => /\bnonce="([^"]*)"/.exec(m[0])?.[1]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  expect(expectSecure(await page.goto("/forgot-password"))).not.toBe(nonce);

  for (const path of ["/no-such-page", "/sign-in/no-access"]) expectSecure(await request.get(path));
  // Route handlers (JSON, files) render no page: they are sandboxed, with the other headers.
  const api = (await request.get("/api/auth/session")).headers();
  expect(api["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(api["x-content-type-options"]).toBe("nosniff");
  expect(api["cross-origin-opener-policy"]).toBe("same-origin");

  // The app runs under it: signing in and a client-side form work, with no violation reported.
  await signIn(page, DEMO_ACCOUNTS.student.email);
  expectSecure(await page.goto("/plans/new"));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Give the plan a title.")).toBeVisible();
  expect(violations).toEqual([]);
});

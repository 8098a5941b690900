import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { readE2eMail } from "../scripts/lib/e2e-mail";
import type { CapturedMail } from "../scripts/lib/smtp-capture";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Fails with the list of problems when axe finds any WCAG 2.0, 2.1 or 2.2 A/AA violation on the
 * page as it is now (run it after the page has settled, and again after an action opens more).
 * The tags select every such rule axe has, among them link-in-text-block (1.4.1: links in text
 * told apart by more than colour) and target-size (2.5.8, WCAG 2.2).
 */
export async function expectNoAxeViolations(page: Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const problems = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(problems, `axe found problems on ${page.url()}`).toEqual([]);
}

/** The newest message to this address whose subject matches, once the app's mail server (scripts/lib/e2e-mail.ts) has it. */
export async function mailTo(email: string, subject: string | RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await readE2eMail())
          .filter((m) => m.to.includes(email) && (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)))
          .at(-1);
        return found !== undefined;
      },
      { timeout: 20_000, message: `an email to ${email} about ${String(subject)}` },
    )
    .toBe(true);
  return found as CapturedMail;
}

// Issue 13: the family view. Rosa Moreno (prisma/seed/demo.ts; no other journey uses her family)
// switches between her two children, opens the chart's data as a table, acknowledges Gabi's
// approved plan — and Gabi's teacher, Grace Whitfield, sees who acknowledged which version when.
// Leo's own draft never shows. Every page passes axe, at desktop width and at 360 px.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const ROSA = DEMO_ACCOUNTS.familyOfTwo;
const GABI = "Gabi Moreno";
const LEO = "Leo Moreno";
const GABI_PLAN = "Butterfly garden";
const LEO_PLAN = "Weather station";
const LEO_DRAFT = "Rocket launch (my draft)";

async function onAPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a guardian switches between two children, reads a chart's table and acknowledges a plan the teacher then sees", async ({ page }) => {
  await signIn(page, ROSA.email);
  await expect(page).toHaveURL(/\/family$/);
  // The first child by name, in the heading and the title; the switcher marks her.
  await expect(page.getByRole("heading", { level: 1, name: GABI })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(GABI));
  const switcher = page.getByRole("navigation", { name: "My children" });
  await expect(switcher.getByRole("link", { name: new RegExp(`^${GABI}`) })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table", { name: `Plans of ${GABI}` }).getByRole("link", { name: GABI_PLAN })).toBeVisible();
  const needs = page.getByRole("region", { name: "What needs you" });
  await expect(needs).toContainText(GABI_PLAN);
  await expect(page.getByRole("region", { name: "Coming up" })).toContainText("Goal target date");
  await expect(page.getByRole("region", { name: "Recent feedback" })).toContainText("Whitfield");
  await expectNoAxeViolations(page);

  // The chart's data as a table, opened from the keyboard.
  const growth = page.getByRole("region", { name: "Growth on standards" });
  await expect(growth.getByRole("img", { name: /^Line chart: share of Gabi Moreno’s rated standards/ })).toBeVisible();
  const table = growth.getByRole("table", { name: `${GABI}’s standards at a proficient level after each rating` });
  await expect(table).toBeHidden();
  await growth.getByText("Show as a table").focus();
  await page.keyboard.press("Enter");
  await expect(table).toBeVisible();
  expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  await expect(table.locator("tbody tr").first()).toContainText("0 of 1");
  await expectNoAxeViolations(page);
  await onAPhone(page);

  // Switching to Leo: his approved plan, never his own draft.
  await switcher.getByRole("link", { name: new RegExp(`^${LEO}`) }).click();
  await expect(page).toHaveURL(/\/family\?child=/);
  await expect(page.getByRole("heading", { level: 1, name: LEO })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(LEO));
  await expect(page.getByRole("table", { name: `Plans of ${LEO}` }).getByRole("link", { name: LEO_PLAN })).toBeVisible();
  await expect(page.getByText(LEO_DRAFT)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await onAPhone(page);

  // Someone else's child (or no one's) is not found.
  expect((await page.goto("/family?child=no-such-child"))?.status()).toBe(404);

  // Back to Gabi: she reads the approved plan and acknowledges it; the result takes focus.
  await page.goto("/family");
  await page.getByRole("region", { name: "What needs you" }).getByRole("link", { name: "Read and acknowledge the plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: GABI_PLAN })).toBeVisible();
  const planUrl = new URL(page.url()).pathname;
  const section = page.getByRole("region", { name: "Family acknowledgment" });
  await expect(section.getByText(/you confirm that you have read version \d+ of this plan/)).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByRole("button", { name: "I have read this plan" }).click();
  const done = section.getByRole("status");
  await expect(done).toContainText(/Thank you\. You acknowledged version \d+ of this plan/);
  await expect(done).toBeFocused();
  await expect(section.getByText(/^You acknowledged version \d+ on /)).toBeVisible();
  await expect(section.getByRole("button", { name: "I have read this plan" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await onAPhone(page);

  // Nothing needs her for Gabi any more.
  await page.goto("/family");
  await expect(page.getByRole("region", { name: "What needs you" })).toContainText("Nothing needs you right now.");

  // Gabi's teacher sees who acknowledged which version, when.
  await signIn(page, DEMO_ACCOUNTS.elementaryTeacher.email);
  await page.goto(planUrl);
  const seen = page.getByRole("region", { name: "Family acknowledgment" }).getByRole("table", { name: /^Who acknowledged this plan/ });
  await expect(seen.getByRole("row").filter({ hasText: ROSA.name })).toContainText("(current)");
  await expect(page.getByRole("button", { name: "I have read this plan" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await onAPhone(page);
});

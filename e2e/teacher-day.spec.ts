import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Isla Lindqvist's project has the oldest evidence waiting (prisma/seed/demo.ts).
const ISLA = "Isla Lindqvist";
const form = (page: import("@playwright/test").Page, title: string) => page.getByRole("form", { name: `Rate “${title}” by ${ISLA}` });

test("a teacher sees who needs them now and rates three pieces of evidence from the home queue by keyboard", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.goto("/teacher");
  await expect(page.getByRole("heading", { level: 1, name: "Who needs me now" })).toBeVisible();
  for (const section of [
    "Review queue",
    "Evidence waiting for a rating",
    "No evidence in 14 days",
    "Goals past their target date",
    "Unresolved comment threads",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${section}\\s*\\(\\s*\\d+\\s*\\)$`) })).toBeVisible();
  }
  const heading = page.getByRole("heading", { level: 2, name: /^Evidence waiting for a rating/ });
  const countOf = async () => Number(/\((\d+)\)/.exec((await heading.textContent()) ?? "")?.[1]);
  Number(/\((\d+)\)/.exec((await heading.textContent()) ?? "")?.[1] ?? /(\d+)/.exec((await heading.textContent()) ?? "")?.[1]);
  const before = await countOf();
  expect(before).toBeGreaterThanOrEqual(4);
  await expectNoAxeViolations(page);

  // Oldest first: Isla's four, in the order she added them.
  const items = ["Bridge sketches", "Load test results", "Materials price list"];
  await form(page, items[0]!).getByRole("radio").first().focus();
  for (const [i, title] of items.entries()) {
    const rating = form(page, title);
    await expect(rating.getByRole("radio").first()).toBeFocused();
    await page.keyboard.press(String(i + 2));
    await expect(rating.getByLabel("Feedback for the student")).toBeFocused();
    await page.keyboard.type(`Feedback ${i + 1}: clear and careful work.`);
    await page.keyboard.press("Enter");
    await expect(rating).toHaveCount(0);
  }
  // Focus moved on to the next piece of work each time; the fourth is next.
  await expect(form(page, "Survey of path users").getByRole("radio").first()).toBeFocused();
  await expect.poll(countOf).toBe(before - 3);
  await expectNoAxeViolations(page);

  // The ratings are on the plan, with their feedback.
  await page.getByRole("link", { name: "Bridges and budgets" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Bridges and budgets" })).toBeVisible();
  await expect(page.getByText("Feedback 1: clear and careful work.")).toBeVisible();
  await expect(page.getByText("Feedback 3: clear and careful work.")).toBeVisible();
});

test("the teacher's home works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.goto("/teacher");
  await expect(page.getByRole("heading", { level: 2, name: /^Evidence waiting for a rating/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

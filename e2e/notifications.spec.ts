// The notification list: grouped by day, newest first, each marked read on its own with focus
// kept on it, then all at once.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a student reads her notifications by day and marks one, then all, as read", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  // Each day is a section named by its heading.
  const firstDay = page.getByRole("region").first();
  await expect(firstDay.getByRole("heading", { level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);

  const welcome = page.getByRole("button", { name: "Mark as read: Welcome to Pathways" });
  await welcome.focus();
  await page.keyboard.press("Enter");
  await expect(welcome).toHaveCount(0);
  await expect(page.locator(":focus")).toHaveText("Welcome to Pathways");

  const all = page.getByRole("button", { name: "Mark all as read" });
  if (await all.isVisible()) {
    await all.click();
    await expect(page.getByText("All read.")).toBeVisible();
  }
  await expect(page.getByRole("button", { name: /^Mark as read/ })).toHaveCount(0);
});

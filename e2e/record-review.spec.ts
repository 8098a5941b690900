import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Ethan Murphy (grade 7, taught English by Linh Nguyen) asked for review of a learning record
// linked to SL.7.4 (prisma/seed/demo.ts).
const ETHAN = "Ethan Murphy";
const RECORD = "Speech at the food bank volunteers' meeting";
const CODE = "CCSS.ELA-LITERACY.SL.7.4";

test("a teacher rates a learning record from her home's queue, and the student's progress shows it in the working", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await page.goto("/teacher");
  const heading = page.getByRole("heading", { level: 2, name: /^Learning records to review\s*\(\s*\d+\s*\)$/ });
  await expect(heading).toHaveText(/1\s*\)?$/);
  const item = page.getByRole("article", { name: RECORD });
  await expect(item).toBeVisible();
  // The record is there to judge: what, where, how long, with whom, and the standard.
  await expect(item).toContainText(ETHAN);
  await expect(item).toContainText("Presented our team's plan to cut food waste");
  await expect(item).toContainText("In the community: Northbrook Food Bank");
  await expect(item).toContainText("45 minutes");
  await expect(item).toContainText("The volunteer coordinator");
  await expect(item).toContainText(`${CODE} Present claims and findings`);
  await expect(item.getByRole("link", { name: RECORD })).toHaveAttribute("href", /^\/records\/\w+$/);
  await expectNoAxeViolations(page);
  // It fits a phone: nothing scrolls sideways at 360 px.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // By keyboard: a number picks the level, Enter in the feedback saves.
  await page.getByRole("button", { name: `Rate “${RECORD}” by ${ETHAN} on ${CODE}` }).click();
  const form = page.getByRole("form", { name: `Rate “${RECORD}” by ${ETHAN} on ${CODE}` });
  // Its levels are named after what they rate too, not only "Proficiency".
  await expect(form.getByRole("group", { name: `Proficiency — Rate “${RECORD}” by ${ETHAN} on ${CODE}` })).toBeVisible();
  const third = form.getByRole("radio").nth(2);
  // The level's name, as its label shows it ("3 · Proficient").
  const level = (await third.evaluate((radio) => radio.closest("label")?.querySelector("span.font-medium")?.textContent ?? ""))
    .replace(/^\d · /, "")
    .trim();
  expect(level).not.toBe("");
  await form.getByRole("radio").first().focus();
  await page.keyboard.press("3");
  await expect(form.getByLabel("Feedback for the student")).toBeFocused();
  await page.keyboard.type("A focused talk: the numbers made your point.");
  await page.keyboard.press("Enter");

  // The item leaves the queue; focus lands on the section's heading, whose count is now 0.
  await expect(item).toHaveCount(0);
  await expect(heading).toBeFocused();
  await expect(heading).toHaveText(/0\s*\)?$/);
  await expect(page.getByText("No learning record is waiting.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Ethan's progress: the standard now has a level, and its working lists the record's rating and
  // the standard's history.
  await page.getByRole("region", { name: "My students" }).getByRole("link", { name: ETHAN, exact: true }).click();
  await page.getByRole("link", { name: "Progress on standards: growth, charts and the working" }).click();
  const standard = page
    .getByRole("listitem")
    .filter({ has: page.getByText(CODE, { exact: true }) })
    .first();
  await expect(standard).toBeVisible();
  await standard.getByRole("button", { name: "Show the working" }).click();
  await expect(page.getByRole("heading", { level: 4, name: `How the level of ${CODE} was worked out` })).toBeFocused();
  const row = standard
    .getByRole("table", { name: "Ratings in the order their evidence was created" })
    .locator("tbody tr")
    .filter({ hasText: RECORD });
  await expect(row).toContainText("Learning record");
  await expect(row).toContainText(level);
  await expect(row.getByRole("link", { name: RECORD })).toHaveAttribute("href", /^\/records\/\w+$/);
  await expect(standard.getByRole("list", { name: "Learning records linked to this standard" })).toContainText(
    new RegExp(`Learning record “${RECORD}” linked by ${ETHAN} on [A-Z][a-z]{2} \\d{1,2}, \\d{4}`),
  );
  await expectNoAxeViolations(page);
});

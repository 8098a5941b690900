import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

// Zoe Okoro (student 8) grew on her first goal over a month: Beginning, Developing, Proficient
// (prisma/seed/demo.ts). Her guardian is Chidi Okoro. This journey only reads her data.
const ZOE = { name: "Zoe Okoro", email: "zoe.okoro@northbrook.test" };
const CHIDI = "chidi.okoro@family.test";
const GROWTH = /^Beginning → Proficient since [A-Z][a-z]{2} \d{1,2}/;

/** The standard Zoe grew on, its growth line, the chart and table of it (chosen in the select). */
async function seesGrowthAndChart(page: Page) {
  const item = page.getByRole("listitem").filter({ has: page.getByText(GROWTH) });
  await expect(item).toHaveCount(1);
  const code = (await item.locator("p[id^='standard-'] span").first().textContent())?.trim() ?? "";
  expect(code).not.toBe("");

  await expect(page.getByRole("heading", { level: 2, name: "Mastery over time" })).toBeVisible();
  const select = page.getByLabel("Standard", { exact: true });
  const option = (await select.locator("option").allTextContents()).find((t) => t.startsWith(`${code} – `));
  expect(option, `an option for ${code}`).toBeDefined();
  await select.selectOption({ label: option! });
  await expect(
    page.getByRole("img", { name: `Line chart: mastery of ${code} after each rating. The table below gives the same data.` }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: `Mastery of ${code} after each rating` });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.locator("td:first-of-type")).toHaveText(["Beginning", "Developing", "Proficient"]);
  await expect(page.getByRole("table", { name: /: standards at a proficient level after each rating$/ })).toBeVisible();
  return { item, code };
}

async function fitsAPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a student and her guardian see growth on a standard, a chart with its data, and the working", async ({ page }) => {
  await signIn(page, ZOE.email);
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  const { item, code } = await seesGrowthAndChart(page);

  // One click loads and reveals the working; focus lands on its heading.
  const show = item.getByRole("button", { name: "Show the working" });
  await expect(show).toHaveAttribute("aria-expanded", "false");
  await show.click();
  const heading = page.getByRole("heading", { level: 4, name: `How the level of ${code} was worked out` });
  await expect(heading).toBeFocused();
  await expect(item.getByRole("button", { name: "Hide the working" })).toHaveAttribute("aria-expanded", "true");
  await expect(item.getByText("Most recent: mastery is the latest rating.")).toBeVisible();
  const ratings = item.getByRole("table", { name: "Ratings in the order their evidence was created" }).locator("tbody tr");
  await expect(ratings).toHaveCount(3);
  await expect(ratings.nth(0)).toContainText("First draft of my argument");
  await expect(ratings.nth(0)).toContainText("Beginning");
  await expect(ratings.nth(1)).toContainText("Second draft, with sources");
  await expect(ratings.nth(1)).toContainText("Developing");
  await expect(ratings.nth(2)).toContainText("Proficient");
  await expect(item.getByText(/^Mastery: 3/)).toBeVisible();
  await expectNoAxeViolations(page);
  await fitsAPhone(page);

  // The same, beside her first goal's level on her plan.
  await page.goto("/student");
  await page.getByRole("table", { name: "My plans" }).getByRole("row").filter({ hasText: "Active" }).getByRole("link").click();
  const goal = page.getByRole("region").filter({ hasText: /^\s*Goal 1 ·/ });
  await goal.getByRole("button", { name: "Show the working" }).click();
  await expect(page.getByRole("heading", { level: 4, name: "How the level of goal 1 was worked out" })).toBeFocused();
  await expect(goal.getByRole("table", { name: "Ratings in the order their evidence was created" }).locator("tbody tr")).toHaveCount(3);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  // On a phone the ratings table scrolls inside its own focusable region.
  await expectNoAxeViolations(page);
  await fitsAPhone(page);

  // Her guardian follows the same growth from the family page.
  await signIn(page, CHIDI);
  await page.goto("/family");
  await page.getByRole("link", { name: `Progress of ${ZOE.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${ZOE.name}’s progress` })).toBeVisible();
  await seesGrowthAndChart(page);
  await expectNoAxeViolations(page);
  await fitsAPhone(page);
});

test("progress is a student's own page: other roles go home, and a stranger's child is not found", async ({ page }) => {
  await signIn(page, CHIDI);
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/family$/);
  await page.goto("/students/no-such-student/progress");
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Isla Lindqvist's project has the oldest evidence waiting (prisma/seed/demo.ts).
const ISLA = "Isla Lindqvist";
const form = (page: Page, title: string) => page.getByRole("form", { name: `Rate “${title}” by ${ISLA}` });

test("a teacher sees who needs them now and rates three pieces of evidence from the home queue by keyboard", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  // Before: Isla's proportions standard is on her plan, not rated yet (the class grid, below, shows it after).
  await page.goto("/teacher/classes");
  await page.getByRole("link", { name: "Grade 7 Math", exact: true }).click();
  await expect(await gridCell(page, ISLA, RP)).toHaveText("Not rated yet");
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
  // The forms come on demand: the first opens from its "Rate" button, each later one by itself
  // once the one before is saved.
  await expect(page.getByRole("form", { name: /^Rate “/ })).toHaveCount(0);
  await page.getByRole("button", { name: `Rate “${items[0]}” by ${ISLA}` }).focus();
  await page.keyboard.press("Enter");
  for (const [i, title] of items.entries()) {
    const rating = form(page, title);
    // Focus is on the level the form starts on, as a Tab into the group would put it.
    await expect(rating.getByRole("radio", { checked: true })).toBeFocused();
    await page.keyboard.press(String(i + 2));
    await expect(rating.getByLabel("Feedback for the student")).toBeFocused();
    await page.keyboard.type(`Feedback ${i + 1}: clear and careful work.`);
    await page.keyboard.press("Enter");
    await expect(rating).toHaveCount(0);
  }
  // Focus moved on to the next piece of work each time; the fourth is next.
  await expect(form(page, "Survey of path users").getByRole("radio", { checked: true })).toBeFocused();
  await expect.poll(countOf).toBe(before - 3);
  // Escape closes it, and focus is back on its button.
  await page.keyboard.press("Escape");
  await expect(form(page, "Survey of path users")).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Rate “Survey of path users” by ${ISLA}` })).toBeFocused();
  await expectNoAxeViolations(page);

  // The ratings are on the plan, with their feedback.
  await page.getByRole("link", { name: "Bridges and budgets" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Bridges and budgets" })).toBeVisible();
  await expect(page.getByText("Feedback 1: clear and careful work.")).toBeVisible();
  await expect(page.getByText("Feedback 3: clear and careful work.")).toBeVisible();

  // The class grid shows the new level. Isla's "Bridges and budgets" goals link 7.RP.A.2 (just rated
  // Developing, then Advanced on later evidence: the most recent counts) and 7.SP.A.1 (just rated
  // Proficient; her completed plan's later evidence on it was rated Advanced, so Advanced it stays).
  await page.goto("/teacher/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Class mastery" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Grade 7 Math", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math: mastery" })).toBeVisible();
  await expect(await gridCell(page, ISLA, RP)).toHaveText("Advanced");
  await expect(await gridCell(page, ISLA, SP)).toHaveText("Advanced");
  await expectNoAxeViolations(page);

  // The full statement is there on keyboard focus, not only on hover.
  const header = page.getByRole("columnheader", { name: RP_RE }).getByRole("link");
  await header.focus();
  await expect(page.getByRole("tooltip", { name: /Recognize and represent proportional relationships/ })).toBeVisible();

  // Sorted by the level on 7.RP.A.2, highest first: Isla (Advanced) comes before anyone below it.
  await header.click();
  await expect(page.getByRole("columnheader", { name: RP_RE })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("columnheader", { name: RP_RE }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: RP_RE })).toHaveAttribute("aria-sort", "descending");

  // Only students not yet proficient: Isla is Proficient or above on both, so she is not listed.
  await page.getByLabel("Only students not yet proficient").check();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/notYet=1/);
  await expect(page.getByRole("rowheader", { name: ISLA })).toHaveCount(0);
  await page.getByLabel("Only students not yet proficient").uncheck();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByRole("rowheader", { name: ISLA })).toBeVisible();

  // The class distribution on a standard, as a chart and as a table.
  await page.getByLabel("Standard", { exact: true }).selectOption({ label: RP });
  await page.getByRole("button", { name: "Show chart" }).click();
  await expect(page.getByRole("img", { name: new RegExp(`Bar chart of students at each level on ${RP_RE.source}`) })).toBeVisible();
  const table = page.getByRole("table", { name: new RegExp(`Students at each level on ${RP_RE.source}`) });
  await expect(table.getByRole("row", { name: /^Advanced/ })).toContainText(ISLA);
  await expectNoAxeViolations(page);

  // The same grid as CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("grade-7-math-mastery.csv");
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^\uFEFF?Student,/);
  expect(csv).toMatch(new RegExp(`${ISLA},.*Advanced`));

  // A student's name in the grid opens their page within the app, as any link does (no full page load).
  await page.evaluate(() => Object.assign(window, { stayedInApp: true }));
  await page.getByRole("rowheader", { name: ISLA }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: ISLA })).toBeVisible();
  expect(await page.evaluate(() => "stayedInApp" in window)).toBe(true);
});

const RP = "CCSS.MATH.CONTENT.7.RP.A.2";
const SP = "CCSS.MATH.CONTENT.7.SP.A.1";
const RP_RE = /CCSS\.MATH\.CONTENT\.7\.RP\.A\.2/;

/** The grid's cell for a student (row header) and a standard (column header by code). */
async function gridCell(page: Page, student: string, code: string) {
  const table = page.getByRole("table", { name: /^Mastery in/ });
  await expect(table).toBeVisible();
  const headers = await table.getByRole("columnheader").allTextContents();
  const column = headers.findIndex((h) => h.includes(code));
  expect(column, `a column for ${code}`).toBeGreaterThan(0);
  // Cells exclude the row header, which is the first column.
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: student }) })
    .getByRole("cell")
    .nth(column - 1);
}

test("the teacher's home works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.goto("/teacher");
  await expect(page.getByRole("heading", { level: 2, name: /^Evidence waiting for a rating/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the class grid works on a phone-sized screen: the page stays put and the grid scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.goto("/teacher/classes");
  await page.getByRole("link", { name: "Grade 7 Math", exact: true }).click();
  // Every subject's standards: more columns than a phone shows.
  await page.getByLabel("Subject").selectOption({ label: "All subjects" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/subject=ALL/);
  const grid = page.getByRole("region", { name: /^Mastery in Grade 7 Math/ });
  await expect(grid).toBeVisible();
  // The page itself does not scroll sideways; the grid does, and keeps the student column in view.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const isla = page.getByRole("rowheader", { name: ISLA });
  await isla.scrollIntoViewIfNeeded();
  await grid.evaluate((el) => el.scrollBy(400, 0));
  expect(await grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The student column stays at the left edge while the levels scroll under it.
  const box = await isla.boundingBox();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect(box?.x).toBeLessThan(40);
  await expectNoAxeViolations(page);
});

// Issue 9: an admin creates a five-level scale and changes a school's method to decaying
// average, and the levels are recomputed in the background. The journey changes Riverside
// Elementary (whose levels no other journey asserts): Ada Okafor's ACTIVE plan "How plants
// grow" has one rating (Advanced, 4 points), which the new scale re-maps by points to "Exceeding".
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const SCALE = "Five levels (Riverside)";
const RIVERSIDE = "Riverside Elementary School";
const level = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Level ${n}\\b`) });
const announced = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const policyRow = (page: Page) =>
  page.getByRole("table", { name: "Mastery policies" }).getByRole("row", { name: new RegExp(`^${RIVERSIDE}`) });

async function fitsAPhone(page: Page, what: Locator) {
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(what).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function fillLevel(
  page: Page,
  n: number,
  name: string,
  points: number,
  opts: { proficient?: boolean; isDefault?: boolean; colour?: string } = {},
) {
  const group = level(page, n);
  await group.getByLabel("Name").fill(name);
  await group.getByLabel("Points").fill(String(points));
  if (opts.colour) await group.getByLabel("Colour", { exact: true }).fill(opts.colour);
  if (opts.proficient !== undefined) await group.getByLabel("Counts as proficient").setChecked(opts.proficient);
  if (opts.isDefault) await group.getByLabel("Default level").check();
}

test("an admin creates a five-level scale, changes Riverside's method to decaying average, and sees levels recomputed", async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.goto("/admin/mastery");
  await expect(page.getByRole("heading", { level: 1, name: "Mastery settings" })).toBeVisible();
  await expect(policyRow(page)).toContainText("Uses the district's policy.");
  await expectNoAxeViolations(page);

  // A five-level scale for Riverside.
  await page.getByRole("link", { name: "New scale" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New proficiency scale" })).toBeVisible();
  await page.getByLabel("Owner").selectOption({ label: RIVERSIDE });
  await page.getByRole("textbox", { name: "Name", exact: true }).first().fill(SCALE);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add a level" }).click();
  // The new level's name field takes focus, ready to type.
  await expect(page.getByRole("group", { name: /^Level 5\b/ }).getByLabel("Name")).toBeFocused();
  await fillLevel(page, 1, "Not yet", 0);
  await fillLevel(page, 2, "Emerging", 1, { proficient: false });
  await fillLevel(page, 3, "Approaching", 2);
  await fillLevel(page, 4, "Meeting", 3, { colour: "#15803d" });
  await fillLevel(page, 5, "Exceeding", 4, { colour: "#1d4ed8" });

  // Removing a level puts focus on the level that took its place (or the one before, when it was
  // the last), and says so.
  // (By keyboard: leaving the empty new name shows its error, which moves the button under a mouse.)
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Add a level" }).press("Enter");
  await expect(page.getByRole("group", { name: /^Level \d/ })).toHaveCount(7);
  await page.getByRole("button", { name: "Remove level 6" }).click();
  await expect(level(page, 6).getByLabel("Name")).toBeFocused();
  await expect(announced(page, "Level removed")).toBeVisible();
  await page.getByRole("button", { name: "Remove level 6" }).click();
  await expect(level(page, 5).getByLabel("Name")).toBeFocused();
  await expect(page.getByRole("group", { name: /^Level \d/ })).toHaveCount(5);
  await expect(level(page, 5).getByLabel("Name")).toHaveValue("Exceeding");

  // Moving a level keeps focus on it, even at the top or bottom where the button used is disabled,
  // and announces where it went.
  await page.getByRole("button", { name: "Move up level 2" }).click();
  await expect(level(page, 1)).toHaveAccessibleName("Level 1: Emerging");
  await expect(page.getByRole("button", { name: "Move down level 1" })).toBeFocused();
  await expect(announced(page, "Emerging moved to position 1 of 5")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(level(page, 2)).toHaveAccessibleName("Level 2: Emerging");
  await expect(page.getByRole("button", { name: "Move down level 2" })).toBeFocused();
  await expect(announced(page, "Emerging moved to position 2 of 5")).toBeVisible();
  await page.getByRole("button", { name: "Move down level 4" }).click();
  await expect(page.getByRole("button", { name: "Move up level 5" })).toBeFocused();
  await expect(announced(page, "Meeting moved to position 5 of 5")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(level(page, 4)).toHaveAccessibleName("Level 4: Meeting");
  await expect(page.getByRole("button", { name: "Move up level 4" })).toBeFocused();
  await expect(level(page, 5)).toHaveAccessibleName("Level 5: Exceeding");

  // No level proficient yet: refused, with the message beside the levels, and nothing lost.
  await page.getByRole("button", { name: "Create scale" }).click();
  await expect(page.getByText("Mark at least one level as proficient.")).toBeVisible();
  await expect(page.getByRole("group", { name: /^Level 5\b/ }).getByLabel("Name")).toHaveValue("Exceeding");
  await expectNoAxeViolations(page);
  await fitsAPhone(page, page.getByRole("button", { name: "Create scale" }));

  await fillLevel(page, 4, "Meeting", 3, { proficient: true, isDefault: true });
  await fillLevel(page, 5, "Exceeding", 4, { proficient: true });
  await page.getByRole("button", { name: "Create scale" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The scale was created." })).toBeFocused();
  await expect(page.getByRole("heading", { level: 1, name: SCALE })).toBeVisible();
  // The scale opens for editing, its levels in order.
  await expect(page.getByRole("group", { name: /^Level \d/ })).toHaveCount(5);
  await expect(page.getByRole("group", { name: /^Level 4\b/ })).toHaveAccessibleName("Level 4: Meeting");
  await expectNoAxeViolations(page);
  // Changing one's mind about deleting it returns focus to "Delete scale".
  await page.getByRole("button", { name: "Delete scale" }).click();
  await expect(page.getByRole("button", { name: `Delete “${SCALE}” for good` })).toBeFocused();
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("button", { name: "Delete scale" })).toBeFocused();

  // Riverside's own policy: the new scale, decaying average.
  await page.getByRole("link", { name: "Back to mastery settings" }).click();
  const scaleRow = page
    .getByRole("table", { name: "Proficiency scales" })
    .getByRole("row", { name: new RegExp(`^${SCALE.replace(/[()]/g, "\\$&")}`) });
  await expect(scaleRow).toContainText("Not used");
  // Each level's points, and which count as proficient and which is the default, are visible text.
  await expect(scaleRow.getByText("3 points · proficient · default", { exact: true })).toBeVisible();
  await expect(scaleRow.getByText("4 points · proficient", { exact: true })).toBeVisible();
  await expect(scaleRow.getByText("1 point", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: `Set a policy for ${RIVERSIDE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Mastery policy: ${RIVERSIDE}` })).toBeVisible();
  await page.getByLabel("Scale", { exact: true }).selectOption({ label: SCALE });
  await page.getByRole("radio", { name: /^Decaying average/ }).check();
  const weight = page.getByLabel("Weight of each new rating (%)");
  await weight.fill("20");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("must be from 50 to 99")).toBeVisible();
  await expect(weight).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await fitsAPhone(page, page.getByRole("button", { name: "Save policy" }));
  await weight.fill("65");
  await page.getByRole("button", { name: "Save policy" }).click();

  // Back on the settings page: the result is announced, and the recompute runs to its end.
  await expect(page.getByRole("status").filter({ hasText: `The policy for ${RIVERSIDE} was saved.` })).toBeFocused();
  const row = policyRow(page);
  await expect(row).toContainText(SCALE);
  await expect(row).toContainText("Decaying average");
  await expect(row).toContainText(/Recomputing: \d+ of \d+ students?|Levels recomputed at/);
  const sawRunning = /Recomputing/.test((await row.textContent()) ?? "");
  // The progress is plain text (a live region would be re-read every two seconds)...
  await expect(row.getByRole("status")).toHaveCount(0);
  await expect(row).toContainText("Levels recomputed at", { timeout: 30_000 });
  // ...and only the end is announced, once, for the whole page.
  if (sawRunning) await expect(announced(page, "Levels recomputed")).toBeVisible();
  await expectNoAxeViolations(page);

  // A scale in use cannot be deleted: the reason takes focus.
  await page.getByRole("link", { name: SCALE }).click();
  await page.getByRole("button", { name: "Delete scale" }).click();
  await page.getByRole("button", { name: `Delete “${SCALE}” for good` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "so it cannot be deleted" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Delete scale" })).toBeVisible();

  // Ada's plan now shows her level on the new scale: her Advanced (4 points) is "Exceeding".
  await page.goto("/admin/people?q=Ada+Okafor");
  const ada = page.getByRole("link", { name: "Ada Okafor" });
  const adaId = (await ada.getAttribute("href"))?.split("/").pop();
  expect(adaId).toBeTruthy();
  await page.goto(`/students/${adaId}`);
  await page.getByRole("link", { name: "How plants grow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How plants grow" })).toBeVisible();
  await expect(page.getByText(`Levels are on the scale “${SCALE}”.`)).toBeVisible();
  await expect(page.getByText(/Decaying average/).first()).toBeVisible();
  await expect(page.getByText("Exceeding", { exact: true }).first()).toBeVisible();
});

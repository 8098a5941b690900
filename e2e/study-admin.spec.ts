// Issue 8: a district admin gives Riverside Elementary its own board policies for independent
// study, adds a closure, sees mistakes explained next to the field, and removes the closure.
// The journey leaves the district's settings and Northbrook Community School's alone (the
// agreement journeys rely on them) and gives Riverside the district's policies back at the end.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const RIVERSIDE = "Riverside Elementary School";
const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const riversideCard = (page: Page) => page.getByRole("region", { name: RIVERSIDE, exact: true });

async function fitsAPhone(page: Page, what: Locator) {
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(what).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A weekday three to four weeks ahead (the demo school year runs 200 days ahead), as YYYY-MM-DD. */
function weekdayAhead(days: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function saturdayAhead(days: number): string {
  const d = new Date(`${weekdayAhead(days)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

test("a district admin sets Riverside's own board policies and a closure, with mistakes explained beside the field", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.getByRole("link", { name: "Independent study" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Independent study settings" })).toBeVisible();
  await expect(riversideCard(page)).toContainText("Uses the district's policies.");
  await expect(page.getByText("never alters an agreement already sent")).toBeVisible();
  await expectNoAxeViolations(page);
  await fitsAPhone(page, riversideCard(page));

  // Riverside's own policies start from the district's.
  await riversideCard(page)
    .getByRole("link", { name: `Set this school's own policies of ${RIVERSIDE}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Board's policies: ${RIVERSIDE}` })).toBeVisible();
  await expect(page.getByLabel("Kindergarten")).toHaveValue("5");
  await expect(page.getByLabel("Grade 12")).toHaveValue("15");
  await expect(page.getByRole("checkbox", { name: "Social Studies" })).toBeChecked();

  // A grade left empty and a limit out of range: refused beside each field, nothing typed is lost.
  const grade3 = page.getByRole("spinbutton", { name: "Grade 3", exact: true });
  const limit = page.getByLabel("Missed assignments allowed before an evaluation");
  await grade3.fill("");
  await limit.fill("40");
  await page.getByLabel("Level of satisfactory progress").fill("Completes most assignments on time, with teacher check-ins.");
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(grade3).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#maxDaysToDue-3-error")).toHaveText("Enter a number of school days.");
  await expect(limit).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#missedAssignmentsLimit-error")).toHaveText("At most 20 missed assignments.");
  await expect(page.getByLabel("Level of satisfactory progress")).toHaveValue(
    "Completes most assignments on time, with teacher check-ins.",
  );
  await expectNoAxeViolations(page);
  await fitsAPhone(page, page.getByRole("button", { name: "Save policies" }));

  await grade3.fill("7");
  await limit.fill("4");
  await page.getByRole("checkbox", { name: "Social Studies" }).uncheck();
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(status(page, `The board's policies for ${RIVERSIDE} were saved.`)).toBeFocused();
  const card = riversideCard(page);
  await expect(card).toContainText("This school's own policies.");
  await expect(card).toContainText("K–2: 5 · 3: 7 · 4–8: 10 · 9–12: 15");
  await expect(card).toContainText("English Language Arts, Math, Science");
  await expect(card).toContainText("Completes most assignments on time");
  // The district's policies are untouched.
  await expect(page.getByRole("region", { name: /\(district\)$/ })).toContainText("Social Studies");

  // A closure at Riverside.
  await card.getByRole("link", { name: `Change the school year and closures of ${RIVERSIDE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `School year and closures: ${RIVERSIDE}` })).toBeVisible();
  await expect(page.getByText("No closures of its own.")).toBeVisible();

  // The school year's end before its start is refused beside the last day (and not saved).
  await page.getByLabel("Last day").fill("2020-01-01");
  await page.getByRole("button", { name: "Save school year" }).click();
  await expect(page.locator("#endsOn-error")).toHaveText("The school year must end after it starts.");
  await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  await page.reload();

  const date = page.getByLabel("Date", { exact: true });
  const name = page.getByLabel("Name", { exact: true });
  await date.fill(saturdayAhead(21));
  await name.fill("Staff development day");
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(page.locator("#closure-day-error")).toContainText("Saturday or Sunday");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue("Staff development day");
  await expectNoAxeViolations(page);

  const day = weekdayAhead(21);
  await date.fill(day);
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(status(page, "Staff development day on")).toBeFocused();
  const list = page.getByRole("list", { name: `Closures of ${RIVERSIDE}` });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Staff development day");
  await expect(name).toHaveValue("");

  // The same day again: refused beside the date.
  await date.fill(day);
  await name.fill("Another");
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(page.locator("#closure-day-error")).toHaveText("There is already a closure that day: Staff development day.");
  await expectNoAxeViolations(page);
  await fitsAPhone(page, list);

  await list.getByRole("button", { name: /^Remove Staff development day/ }).click();
  await expect(status(page, "The closure on")).toBeFocused();
  await expect(status(page, "was removed.")).toBeVisible();
  await expect(page.getByText("No closures of its own.")).toBeVisible();

  // Riverside goes back to the district's policies.
  await page.getByRole("link", { name: "Back to independent study settings" }).click();
  await riversideCard(page)
    .getByRole("link", { name: `Change the policies of ${RIVERSIDE}` })
    .click();
  await page.getByRole("button", { name: "Use the district's policies instead" }).click();
  await expect(status(page, `${RIVERSIDE} uses the district's policies again`)).toBeFocused();
  await expect(riversideCard(page)).toContainText("Uses the district's policies.");

  // A school admin sees the district's settings read-only, and only their own school.
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await page.goto("/admin/independent-study");
  const district = page.getByRole("region", { name: /\(district\)$/ });
  await expect(district).toContainText("Set by district admins.");
  await expect(district.getByRole("link", { name: /^Change the policies/ })).toHaveCount(0);
  await expect(riversideCard(page)).toHaveCount(0);
  await district.getByRole("link", { name: /^See the school year and closures/ }).click();
  await expect(page.getByRole("button", { name: "Save school year" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add closure" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Grouping by need in Mr. Okafor's Grade 7 Math class, on the sampling standard the grade's plans
// work on (prisma/seed/demo.ts). Saving a group changes no plan: other journeys' data stays as it is.
const SP = /CCSS\.MATH\.CONTENT\.7\.SP\.A\.1/;
const NAME = "Sampling small group";

test("a teacher chooses a standard, sees suggested groups and saves one with a note and a date", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.goto("/teacher/classes");
  await page.getByRole("link", { name: "Groups for Grade 7 Math" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math: group by need" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: SP }).check();
  await page.getByRole("button", { name: "Suggest groups" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Suggested groups for CCSS\.MATH\.CONTENT\.7\.SP\.A\.1$/ })).toBeVisible();
  const suggestions = page
    .getByRole("heading", { level: 2, name: /^Suggested groups/ })
    .locator("..")
    .getByRole("listitem");
  expect(await suggestions.count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  // Start from the first suggestion (the lowest level): its students come ticked.
  const first = suggestions.first();
  const members = ((await first.locator("p").textContent()) ?? "").split(", ").filter(Boolean);
  expect(members.length).toBeGreaterThan(0);
  await first.getByRole("link", { name: /^Start a group from/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^New group from/ })).toBeVisible();
  for (const name of members) await expect(page.getByRole("checkbox", { name, exact: true })).toBeChecked();

  await page.getByLabel("Group name").fill(NAME);
  await page.getByLabel("Note", { exact: true }).fill("Samples and populations with sticky notes; then a short exit ticket.");
  await page.getByLabel("Meets on").fill("2026-12-01");
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(page.getByRole("status")).toContainText(`Group “${NAME}” saved.`);
  await expect(page.getByRole("status")).toBeFocused();

  const saved = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: NAME }) });
  await expect(saved).toContainText("Meets on Dec 1, 2026");
  await expect(saved).toContainText("Samples and populations with sticky notes");
  await expectNoAxeViolations(page);

  // The group is on a member's page, for their teacher.
  await saved.getByRole("link", { name: members[0], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: members[0] })).toBeVisible();
  const section = page.getByRole("region", { name: "Learning groups" });
  await expect(section.getByRole("heading", { level: 3, name: NAME })).toBeVisible();
  await expect(section).toContainText("Grade 7 Math");
  await expectNoAxeViolations(page);
});

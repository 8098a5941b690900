// Standards frameworks: the district administrator imports a CASE package and browses it;
// a teacher then picks a standard from it (and one from the demo's CCSS grade 7 framework)
// by search in a new plan's goal, also on a phone-sized screen.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const PACKAGE = path.join(import.meta.dirname, "fixtures/pathways-test-science.json");
// Jonah Brooks (grade 7, student 1): no other journey uses him.
const STUDENT = "Jonah Brooks";

const goal = (page: Page) => page.getByRole("group", { name: "Goal 1", exact: true });
const finder = (page: Page) => goal(page).getByRole("group", { name: "Find standards for goal 1" });

test("an admin imports a CASE package and a teacher picks a standard from it by search", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.goto("/admin/standards");
  await expect(page.getByRole("heading", { level: 1, name: "Standards" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Common Core State Standards for Mathematics: Grade 7/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // A file that is not a package: the reason sits next to the field, nothing is imported.
  const file = page.getByLabel("CASE package");
  await file.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": "world"}') });
  await page.getByRole("button", { name: "Import framework" }).click();
  await expect(page.getByText(/This is not a CASE package: it has no CFDocument/).first()).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Owner").selectOption({ label: "Northbrook Unified School District (district)" });
  await file.setInputFiles(PACKAGE);
  await page.getByRole("button", { name: "Import framework" }).click();
  const result = page.getByRole("status").filter({ hasText: "Pathways Test Science" });
  await expect(result).toHaveText(/Imported “Pathways Test Science”: 6 created, 0 updated, 0 retired, 0 unchanged\./);
  await expect(result).toBeFocused();
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Pathways Test Science" }) });
  await expect(listed).toContainText("6 in use, none retired");
  await expect(listed).toContainText("Northbrook Unified");
  await expectNoAxeViolations(page);

  // Its tree, one level at a time.
  await listed.getByRole("link", { name: "Pathways Test Science" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pathways Test Science" })).toBeVisible();
  await page.getByRole("link", { name: "2 items under PTS.1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Under PTS.1" })).toBeVisible();
  await expect(page.getByText("PTS.1.1", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // A teacher picks standards by search for a new plan's goal.
  const title = `Particles and proportions ${Date.now().toString(36)}`;
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await page.getByRole("region", { name: "My students" }).getByRole("link", { name: STUDENT, exact: true }).click();
  await page.getByRole("link", { name: `Start a plan for ${STUDENT}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Start a plan for ${STUDENT}` })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await goal(page).getByLabel("Subject").selectOption({ label: "Science" });
  await goal(page).getByLabel("Goal", { exact: true }).fill("Model what matter is made of");
  await goal(page).getByLabel("Success criteria").fill("A model of three molecules, labelled");
  await goal(page).getByLabel("How mastery will be shown").fill("A model and a short talk");

  await goal(page).getByRole("button", { name: "Find standards for goal 1" }).click();
  const search = goal(page).getByRole("searchbox", { name: "Search standards" });
  await expect(search).toBeFocused();
  await search.fill("PTS.1.1");
  const found = goal(page).getByRole("list", { name: "Standards found" });
  await found.getByRole("button", { name: "Choose: PTS.1.1", exact: true }).click();
  await expect(found.getByRole("button", { name: "Chosen: PTS.1.1" })).toHaveAttribute("aria-pressed", "true");

  // By words, filtered to grade 7 math: the demo framework's 7.RP.A.2.
  await search.fill("proportional relationships");
  await finder(page).getByLabel("Subject").selectOption({ label: "Math" });
  await finder(page).getByLabel("Grade").selectOption({ label: "Grade 7" });
  await found.getByRole("button", { name: "Choose: 7.RP.A.2", exact: true }).click();
  // Browsing: the top of the science framework, then under a domain.
  await search.fill("");
  await finder(page).getByLabel("Subject").selectOption({ label: "Any subject" });
  await finder(page).getByLabel("Framework").selectOption({ label: "Pathways Test Science" });
  await goal(page).getByRole("button", { name: "Browse (2) under PTS.2" }).click();
  await expect(goal(page).getByRole("list", { name: "Items under PTS.2" }).getByText("PTS.2.1")).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(goal(page).getByText("PTS.2", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(goal(page).getByRole("button", { name: "Find standards for goal 1" })).toBeFocused();

  const chosen = goal(page).getByRole("list", { name: "Standards (optional)" });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await expect(chosen.getByRole("button", { name: "Remove PTS.1.1 from goal 1" })).toBeVisible();

  // On a phone: the picker fits the screen and still works.
  await page.setViewportSize({ width: 360, height: 740 });
  await goal(page).getByRole("button", { name: "Find standards for goal 1" }).click();
  await search.fill("PTS.2.2");
  await found.getByRole("button", { name: "Choose: PTS.2.2", exact: true }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
  await chosen.getByRole("button", { name: "Remove PTS.2.2 from goal 1" }).click();
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("PTS.1.1", { exact: true })).toBeVisible();
  await expect(page.getByText("7.RP.A.2", { exact: true })).toBeVisible();

  // Editing keeps the chosen standards as chips.
  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(goal(page).getByRole("list", { name: "Standards (optional)" }).getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(page);
});

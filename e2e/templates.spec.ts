// Plan templates in the browser: a teacher writes one with a suggested activity, applies it
// to a class ("N plans were created"), opens one student's draft and unlinks it; a student
// starts a plan of their own from the district's template.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const NAME = `Our town's history ${Date.now().toString(36)}`;
const goal = (page: import("@playwright/test").Page, n: number) => page.getByRole("group", { name: `Goal ${n}`, exact: true });

test("a teacher creates a template with a suggested activity and applies it to a class", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.scienceTeacher.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan templates" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "New template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel("Description (optional)").fill("Find out how a place in Northbrook changed over a hundred years.");
  await goal(page, 1).getByLabel("Subject").selectOption("SOCIAL_STUDIES");
  await goal(page, 1).getByLabel("Goal", { exact: true }).fill("Explain how one street changed since 1925");
  await goal(page, 1).getByLabel("Success criteria").fill("Three dated sources compared, one interview");
  await goal(page, 1).getByLabel("How mastery will be shown").fill("A short illustrated article");
  await page.getByRole("button", { name: "Suggest an activity for goal 1" }).click();
  const activity = page.getByRole("group", { name: "Activity 1" });
  await activity.getByLabel("What the student will do").fill("Interview someone who has lived on the street for a long time");
  await activity.getByLabel("Where", { exact: true }).selectOption("COMMUNITY");
  await activity.getByLabel("Resource", { exact: true }).selectOption("PERSON");
  await activity.getByLabel("Name of the resource").fill("A long-time neighbour");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save template" }).click();

  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Template saved." })).toBeFocused();
  await expect(page.getByText("Interview someone who has lived on the street for a long time")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Class", { exact: true }).selectOption({ label: "Grade 8 Social Studies" });
  await page.getByRole("button", { name: "Apply to class" }).click();
  const created = page.getByRole("status").filter({ hasText: /\d+ plans were created\./ });
  await expect(created).toBeFocused();
  await expect(page.getByRole("heading", { level: 3, name: "Grade 8 Social Studies" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Syncing again creates nothing twice.
  await page.getByRole("button", { name: "Sync plans for Grade 8 Social Studies" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Every student in the class already has a plan from this template." }),
  ).toBeFocused();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });
});

test("the teacher opens one student's draft and unlinks it from the template", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.scienceTeacher.email);
  await page.getByRole("link", { name: "Imani Mensah" }).click();
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  const notice = page.getByRole("complementary", { name: "Template" });
  await expect(notice.getByText(/This plan follows the template/)).toBeVisible();
  await expect(page.getByText("Interview someone who has lived on the street for a long time")).toBeVisible();
  await expectNoAxeViolations(page);

  await notice.getByRole("button", { name: "Unlink from the template" }).click();
  await expect(notice.getByRole("status")).toBeFocused();
  await expect(notice.getByRole("status")).toContainText("no longer follows its template");
  await expect(notice.getByText(/no longer follows it\./)).toBeVisible();
  await expect(notice.getByRole("button", { name: "Unlink from the template" })).toHaveCount(0);
  // The content stays.
  await expect(page.getByText("Explain how one street changed since 1925")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a student starts a plan of their own from a district template", async ({ page }) => {
  await signIn(page, "felix.novak@northbrook.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan templates" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New template" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const template = page.getByRole("article", { name: "Independent study (one term)" });
  await expect(template).toContainText("every school");
  await template.getByRole("button", { name: "Start a plan from this template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Independent study (one term)" })).toBeVisible();
  await expect(page.getByText("Status: Draft")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Template" })).toContainText("This plan follows the template");
  await expect(page.getByRole("link", { name: "Edit plan" })).toBeVisible();
  await expectNoAxeViolations(page);
});

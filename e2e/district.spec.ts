// The district: one person with two memberships, a district admin across schools.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a teacher who is also a parent switches between the two, and each shows its own people", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.mathTeacher.email);
  await expect(page).toHaveURL(/\/teacher$/);
  const switcher = page.getByLabel("Acting as");
  await expect(switcher).toHaveValue(/.+/);
  await expect(switcher.locator("option:checked")).toHaveText("Teacher · Northbrook Community School");
  await expect(page.getByRole("heading", { name: "My students" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("link", { name: "Ada Okafor" })).toHaveCount(0);

  await switcher.selectOption({ label: "Parent / guardian · Riverside Elementary School" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page).toHaveURL(/\/family$/);
  await expect(page.getByRole("link", { name: /^Ada Okafor/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(
    page
      .getByRole("cell", { name: "How plants grow" })
      .or(page.getByRole("link", { name: "How plants grow" }))
      .first(),
  ).toBeVisible();
  // What he may do follows his relationship to the record: on his daughter's plan he is a parent.
  await page.getByRole("link", { name: "How plants grow" }).click();
  await expect(page.getByRole("heading", { name: "How plants grow" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: /^Rate “/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Rate “/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit plan" })).toHaveCount(0);
  // The teacher pages are not his while he acts as a parent, and switching back restores them.
  expect((await page.goto("/teacher"))?.status()).toBe(403);
  await page.goto("/family");
  await page.getByLabel("Acting as").selectOption({ label: "Teacher · Northbrook Community School" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
});

test("a district admin sees every school of the district; a school admin only theirs", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Northbrook Unified School District" })).toBeVisible();
  await expect(page.getByText("Riverside Elementary School", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/admin/people?role=TEACHER");
  await expect(page.getByRole("cell", { name: "Grace Whitfield" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("cell", { name: "Linh Nguyen" })).toBeVisible();

  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await page.goto("/admin/people?role=TEACHER");
  await expect(page.getByRole("cell", { name: "Linh Nguyen" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Grace Whitfield" })).toHaveCount(0);
});

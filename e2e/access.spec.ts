import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

test("signed-out visitors are sent to sign-in; a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter the email address you sign in with.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill(DEMO_ACCOUNTS.student.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an active account.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_ACCOUNTS.student.email);
  await expectNoAxeViolations(page);
});

test("each role lands on its own home page and signs out", async ({ page }) => {
  const homes = [
    [DEMO_ACCOUNTS.student.email, "/student", "My plans"],
    [DEMO_ACCOUNTS.teacher.email, "/teacher", "Review queue"],
    [DEMO_ACCOUNTS.guardian.email, "/family", "My children"],
    [DEMO_ACCOUNTS.admin.email, "/admin", "Plans by status"],
  ] as const;
  for (const [email, path, heading] of homes) {
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-in user on another role's page gets a proper 403 page", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  for (const path of ["/teacher", "/admin", "/admin/audit", "/family"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not part of your account" })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  await signIn(page, DEMO_ACCOUNTS.guardian.email);
  expect((await page.goto("/plans/new"))?.status()).toBe(403);
});

test("bad plan input gets messages next to the fields and keeps what was typed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await page.goto("/plans/new");
  await page.getByLabel("Start date").fill("2027-03-10");
  await page.getByLabel("End date").fill("2027-03-01");
  const goal = page.getByRole("group", { name: "Goal 1", exact: true });
  await goal.getByLabel("Goal", { exact: true }).fill("Learn to code a game");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Give the plan a title.")).toBeVisible();
  await expect(page.getByText("The end date must be on or after the start date.")).toBeVisible();
  await expect(goal.getByText("Say what success looks like.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(goal.getByLabel("Goal", { exact: true })).toHaveValue("Learn to code a game");
  await expect(page).toHaveURL(/\/plans\/new$/);
  await expectNoAxeViolations(page);
});

test("a teacher cannot open a plan of a student they do not teach", async ({ page }) => {
  // Sofia Garcia teaches grade 8; find one of her students' plans, then try it as a grade 7 teacher.
  await signIn(page, DEMO_ACCOUNTS.scienceTeacher.email);
  await page.getByRole("region", { name: "Review queue" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  const foreignPlan = new URL(page.url()).pathname;
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  expect((await page.goto(foreignPlan))?.status()).toBe(404);
  await signIn(page, DEMO_ACCOUNTS.guardian.email);
  expect((await page.goto(foreignPlan))?.status()).toBe(404);
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  expect((await page.goto(foreignPlan))?.status()).toBe(200);
});

// A new school admin sets up a class: adds a teacher, makes a class they teach, enrolls a
// student, and sees both on the class page. Also: a duplicate email is answered next to
// the field, and the pages work on a phone.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const suffix = randomUUID().slice(0, 6);
const teacher = { name: `Tara Quill ${suffix}`, email: `tara.quill.${suffix}@northbrook.test` };
const className = `Robotics ${suffix}`;

/**
 * Waits until React has taken over this element: text typed into a form before it
 * hydrates is reset when it does.
 */
async function hydrated(control: Locator) {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$")))).toBe(true);
  return control;
}

async function pick(page: Page, region: string, search: string, text: string, person: string) {
  const section = page.getByRole("region", { name: region });
  await (await hydrated(section.getByLabel(search, { exact: true }))).fill(text);
  await section.getByRole("radio", { name: new RegExp(person) }).check();
  return section;
}

test("a school admin adds a teacher and a class they teach, and enrolls a student", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Add a person" }).click();
  await expect(page.getByRole("heading", { name: "Add a person" })).toBeVisible();
  await expectNoAxeViolations(page);
  await (await hydrated(page.getByLabel("Full name"))).fill(teacher.name);
  await page.getByLabel("Email", { exact: true }).fill(teacher.email);
  await page.getByLabel("Role").selectOption({ label: "Teacher" });
  await expect(page.getByLabel("School")).toHaveValue(/.+/);
  await expect(page.getByLabel("Email them a link to set a password")).toBeChecked();
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { name: teacher.name })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("status").filter({ hasText: `${teacher.name} was added` })).toBeFocused();

  // The same address again, in other letters' case: a message next to the field, and the form keeps what was typed.
  await page.goto("/admin/people/new");
  await (await hydrated(page.getByLabel("Full name"))).fill("Someone Else");
  await page.getByLabel("Email", { exact: true }).fill(teacher.email.toUpperCase());
  await page.getByLabel("Role").selectOption({ label: "Teacher" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Someone already has this email address.", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Full name")).toHaveValue("Someone Else");
  await expect(page).toHaveURL(/\/admin\/people\/new$/);

  // The new teacher is in the list.
  await page.goto(`/admin/people?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("link", { name: teacher.name })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/admin/classes");
  await page.getByRole("link", { name: "New class" }).click();
  await expect(page.getByRole("heading", { name: "New class" })).toBeVisible();
  await expectNoAxeViolations(page);
  await (await hydrated(page.getByLabel("Class name"))).fill(className);
  await page.getByLabel("Course", { exact: true }).selectOption({ label: "English 7" });
  await page.getByRole("button", { name: "Add class" }).click();
  await expect(page.getByRole("heading", { name: className })).toBeVisible();

  const staff = await pick(page, "Teachers and aides", "Find a teacher", suffix, teacher.name);
  await staff.getByRole("button", { name: "Add to class" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to the class." })).toBeFocused();
  await expect(page.getByRole("table", { name: "Teachers and aides" }).getByRole("link", { name: teacher.name })).toBeVisible();

  const students = await pick(page, "Students", "Find a student", "Maya", DEMO_ACCOUNTS.student.name);
  await students.getByRole("button", { name: "Enroll student" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The student was enrolled." })).toBeFocused();
  await expect(page.getByRole("table", { name: "Students" }).getByRole("link", { name: DEMO_ACCOUNTS.student.name })).toBeVisible();
  await expectNoAxeViolations(page);

  // The class list shows who teaches it and how many students it has now.
  await page.goto(`/admin/classes?q=${encodeURIComponent(className)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: className }) });
  await expect(row.getByRole("cell", { name: teacher.name })).toBeVisible();
  await expect(row.getByRole("cell", { name: "1", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Enrolling someone who is not a student here is answered next to the field.
  await row.getByRole("link", { name: className }).click();
  await expect(page.getByRole("heading", { name: className })).toBeVisible();
  const again = await pick(page, "Students", "Find a student", "Maya", DEMO_ACCOUNTS.student.name);
  await again.getByRole("button", { name: "Enroll student" }).click();
  await expect(again.getByText("They are in this class already.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the people and class pages fit a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  for (const path of ["/admin/people", "/admin/classes"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
  await page.goto("/admin/people");
  await page.getByLabel("Name or email").fill("Maya");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: DEMO_ACCOUNTS.student.name }).click();
  await expect(page.getByRole("heading", { name: DEMO_ACCOUNTS.student.name })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Parents and guardians" }).getByRole("link", { name: DEMO_ACCOUNTS.guardian.name }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("teachers and families cannot open the admin pages", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  for (const path of ["/admin/people", "/admin/people/new", "/admin/classes", "/admin/classes/new"]) {
    expect((await page.goto(path))?.status()).toBe(403);
  }
});

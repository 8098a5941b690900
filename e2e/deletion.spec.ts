// The district admin deletes a student on request: types his name (a wrong one is answered by the
// field), lands on the certificate with focus on its heading, downloads it as a PDF, and finds it
// under Deletions. Then sets how long records of students who left are kept. Axe on each page.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

const DIEGO = "Diego Ramirez"; // demo student index 17

async function hydrated(control: Locator) {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$")))).toBe(true);
  return control;
}

test("a district admin deletes Diego with a typed confirmation and downloads the certificate", async ({ page }) => {
  await signIn(page, "morgan.ellis@northbrook.test");
  await page.goto(`/admin/people?q=${encodeURIComponent("Diego")}`);
  await page.getByRole("link", { name: DIEGO }).first().click();
  await expect(page.getByRole("heading", { name: DIEGO, level: 1 })).toBeVisible();
  const confirm = await hydrated(page.getByLabel(`Type “${DIEGO}” to confirm`));
  await expectNoAxeViolations(page);

  // A wrong name is answered beside the field, and what was typed stays.
  await confirm.fill("Diego Ramires");
  await page.getByRole("button", { name: `Delete ${DIEGO} for good` }).click();
  await expect(page.getByText("That is not their full name.")).toBeVisible();
  await expect(confirm).toHaveValue("Diego Ramires");
  await expect(confirm).toBeFocused();
  await expectNoAxeViolations(page);

  await confirm.fill(DIEGO);
  await page.getByRole("button", { name: `Delete ${DIEGO} for good` }).click();
  const heading = page.getByRole("heading", { name: `Deletion certificate: ${DIEGO}`, level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(`${DIEGO} was deleted.`)).toBeVisible();
  await expect(page.getByText("Deleted on request")).toBeVisible();
  await expect(page.getByRole("region", { name: "What was removed" }).getByRole("listitem").first()).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^deletion-certificate-\w+\.pdf$/);
  expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto("/admin/deletions");
  await expect(page.getByRole("link", { name: DIEGO })).toBeVisible();
  await expectNoAxeViolations(page);

  // He is gone from the people list.
  await page.goto(`/admin/people?q=${encodeURIComponent("Diego")}`);
  await expect(page.getByRole("link", { name: DIEGO })).toHaveCount(0);
});

test("a district admin sets the retention period, with a message by the field for bad input", async ({ page }) => {
  await signIn(page, "morgan.ellis@northbrook.test");
  await page.goto("/admin/retention");
  const months = await hydrated(page.getByLabel("Keep records of students who left for (months)"));
  await expectNoAxeViolations(page);
  await months.fill("a year");
  await page.getByRole("button", { name: "Save period" }).click();
  await expect(page.getByText(/Enter a whole number of months/)).toBeVisible();
  await months.fill("84");
  await page.getByRole("button", { name: "Save period" }).click();
  await expect(page.getByRole("status").filter({ hasText: "84 months after they left" })).toBeFocused();
  await expectNoAxeViolations(page);
});

test("a school admin may not manage retention", async ({ page }) => {
  await signIn(page, "admin@northbrook.test");
  const response = await page.goto("/admin/retention");
  expect(response?.status()).toBe(403);
});

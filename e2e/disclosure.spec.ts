// Who saw what: the demo teacher opens Amara Diallo's plan (a demo student no other journey
// changes); the district admin finds that read, in words, in the disclosure log filtered by
// Amara, and downloads it as CSV; Amara's guardian sees on the family's page that Linh Nguyen
// opened it — and not her own visits.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const AMARA = "Amara Diallo";
const GUARDIAN = "fatou.diallo@family.test";
const PLAN = "Science of everyday energy";
const OPENED = `Linh Nguyen opened ${AMARA}'s plan ‘${PLAN}’`;

test("a teacher's read of a plan is in the admin's log and on the family's page", async ({ page }) => {
  // The guardian's family page gives the plan's address (her own visit is not an outsider's).
  await signIn(page, GUARDIAN);
  const planHref = await page.getByRole("link", { name: PLAN }).first().getAttribute("href");
  expect(planHref).toMatch(/^\/plans\//);

  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await page.goto(planHref!);
  await expect(page.getByRole("heading", { name: PLAN })).toBeVisible();

  // The district admin filters the log by the student and finds the read in words.
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.goto("/admin/disclosures");
  await expect(page.getByRole("heading", { name: "Who saw what" })).toBeVisible();
  await page.getByLabel("Student", { exact: true }).fill(AMARA);
  await page.getByLabel("What", { exact: true }).selectOption({ label: "Plan" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/student=Amara\+Diallo/);
  const log = page.getByRole("list", { name: "Log entries" });
  await expect(log.getByText(OPENED).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^who-saw-what-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("When (UTC),Who,Student,Action,Entry,Outcome,From,Entry id");
  expect(csv).toContain(`Linh Nguyen,${AMARA},Plan,${OPENED},Allowed`);
  // Only what the filter asked for.
  expect(csv).not.toContain("Maya Chen");

  // The guardian follows her child's link and sees the teacher — not herself.
  await signIn(page, GUARDIAN);
  const accessLink = page.getByRole("link", { name: `Who opened records of ${AMARA}` });
  const accessPath = await accessLink.getAttribute("href");
  await accessLink.click();
  await expect(page.getByRole("heading", { name: `Who opened ${AMARA}’s records` })).toBeVisible();
  const seen = page.getByRole("list", { name: "Who opened these records" });
  await expect(seen.getByText(OPENED).first()).toBeVisible();
  await expect(seen.getByText(/Fatou Diallo/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A teacher who may see Amara does not find the family's page.
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  expect((await page.goto(accessPath!))?.status()).toBe(404);
});

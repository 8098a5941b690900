// Roster import: the district administrator checks a OneRoster zip (a dry run), applies
// it, and finds the imported people and classes; a school administrator is sent to them.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { buildRoster, rosterFiles, rosterZip } from "../test/roster/generate";
import { expectNoAxeViolations, signIn } from "./helpers";

test("a district admin checks a roster zip, applies it, and finds the new people and classes", async ({ page }) => {
  const model = buildRoster({ students: 12, prefix: "e2e-roster" });
  // One row the import must skip: a student without an email.
  const broken = model.users.filter((u) => u.role === "student")[1]!;
  broken.email = "";
  const line = model.users.indexOf(broken) + 2;
  const student = model.users.find((u) => u.role === "student" && u.email && u.enabledUser === "true")!;
  const people = model.users.filter((u) => u.role !== "proctor").length - 1;
  const dir = await mkdtemp(path.join(os.tmpdir(), "pathways-e2e-roster-"));
  const zip = path.join(dir, "northbrook-roster.zip");
  await writeFile(zip, rosterZip(rosterFiles(model)));

  try {
    await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
    await page.getByRole("link", { name: "Roster import" }).click();
    await expect(page.getByRole("heading", { name: "Roster import", level: 1 })).toBeVisible();
    await page.getByLabel("OneRoster export").setInputFiles(zip);
    await page.getByRole("button", { name: "Check files" }).click();

    // The dry run: counts, notes and the problem row; focus lands on the report.
    await expect(page.getByRole("heading", { name: "Check results" })).toBeFocused();
    await expect(page.getByText("Nothing has changed yet.")).toBeVisible();
    await expectNoAxeViolations(page);
    const wouldChange = page.getByRole("table", { name: "What would change" });
    await expect(
      wouldChange
        .getByRole("row", { name: /^People/ })
        .getByRole("cell")
        .first(),
    ).toHaveText(String(people));
    await expect(
      wouldChange
        .getByRole("row", { name: /^Schools and district/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("1");
    const problems = page.getByRole("table", { name: "Rows that cannot be imported" });
    const problem = problems.getByRole("row", { name: /Missing email/ });
    await expect(problem).toContainText("users.csv");
    await expect(problem.getByRole("cell").nth(1)).toHaveText(String(line));
    await expect(page.getByText("1 proctor is not imported")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Apply these changes" }).click();
    await expect(page.getByRole("heading", { name: "Roster applied" })).toBeFocused();
    await expect(
      page
        .getByRole("table", { name: "What changed" })
        .getByRole("row", { name: /^People/ })
        .getByRole("cell")
        .first(),
    ).toHaveText(String(people));
    await expect(page.getByRole("table", { name: "Recent roster imports" }).getByRole("row").nth(1)).toContainText("Applied");

    // The imported student and a class of the new school are there.
    await page.getByRole("link", { name: "people", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/people$/);
    await page.goto(`/admin/people?q=${encodeURIComponent(student.email!)}`);
    await expect(page.getByRole("link", { name: `${student.givenName} ${student.familyName}` })).toBeVisible();
    const className = model.classes.find((c) => c.classType === "scheduled")!.title!;
    await page.goto(`/admin/classes?q=${encodeURIComponent(className)}`);
    await expect(page.getByRole("link", { name: className })).toBeVisible();

    // Importing the same zip again finds nothing to change.
    await page.goto("/admin/roster");
    await page.getByLabel("OneRoster export").setInputFiles(zip);
    await page.getByRole("button", { name: "Check files" }).click();
    await expect(page.getByText("Pathways already matches these files")).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a school admin is asked to let the district administrator import", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await page.goto("/admin/roster");
  await expect(page.getByText("Ask your district administrator to import the roster.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByLabel("OneRoster export")).toHaveCount(0);
});

// The core loop across three roles, in the browser, against the production build and
// the seeded demo school: draft → review → changes → approval → evidence → rating →
// the family sees it all.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const TITLE = `Bridges of Northbrook ${Date.now().toString(36)}`;
let planUrl = "";
let fileUrl = "";

const goal = (page: Page, n: number) => page.getByRole("group", { name: `Goal ${n}`, exact: true });

test("a student drafts a plan, edits it and submits it", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await expect(page).toHaveURL(/\/student$/);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Start a new plan" }).click();

  await expect(page.getByLabel("Title")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Kind of plan").selectOption("INDEPENDENT_STUDY");
  await page.getByLabel("Start date").fill("2026-12-01");
  await page.getByLabel("End date").fill("2027-02-26");
  await goal(page, 1).getByLabel("Subject").selectOption("SCIENCE");
  await goal(page, 1).getByLabel("Goal", { exact: true }).fill("Test which bridge design holds the most weight");
  await goal(page, 1).getByLabel("Success criteria").fill("Three designs tested, data in a table, a conclusion about forces");
  await goal(page, 1).getByLabel("How mastery will be shown").fill("A lab report and a demonstration");
  await page.getByRole("button", { name: "Add another goal" }).click();
  await goal(page, 2).getByLabel("Subject").selectOption("MATH");
  await goal(page, 2).getByLabel("Goal", { exact: true }).fill("Use ratios to scale my bridge model");
  await goal(page, 2).getByLabel("Success criteria").fill("Correct scale factors for every part");
  await goal(page, 2).getByLabel("How mastery will be shown").fill("A scaled drawing with calculations");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("Status: Draft")).toBeVisible();
  planUrl = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(page.getByLabel("Summary (optional)")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Summary (optional)").fill("I will study bridges while my family travels.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("I will study bridges while my family travels.")).toBeVisible();

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Status: Waiting for review")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit plan" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the teacher finds it in the review queue, comments and requests changes", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await expect(page).toHaveURL(/\/teacher$/);
  const queue = page.getByRole("region", { name: "Review queue" });
  await expect(queue).toBeVisible();
  await expectNoAxeViolations(page);
  await queue.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));

  // The comment form opens on demand, with focus in it; the posted comment takes focus.
  await page.getByRole("button", { name: "Write a comment" }).click();
  await expect(page.getByLabel("Add a comment")).toBeFocused();
  await page.getByLabel("Add a comment").fill("Which materials will you use for the bridges?");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Which materials will you use for the bridges?")).toBeVisible();

  // Requesting changes needs a note; the message appears next to the field.
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByText("Tell the student what to change.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Note to the student").fill("Please add a target date to each goal.");
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByText("Status: Changes requested")).toBeVisible();
});

test("the student sees the note, edits and resubmits", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await page.goto(planUrl);
  await expect(page.getByRole("status")).toContainText("Please add a target date to each goal.");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Edit plan" }).click();
  await goal(page, 1).getByLabel("Target date (optional)").fill("2027-01-15");
  await goal(page, 2).getByLabel("Target date (optional)").fill("2027-02-12");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Jan 15, 2027")).toBeVisible();
  await page.getByLabel("Note (optional)").fill("Added the dates.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Status: Waiting for review")).toBeVisible();
});

test("the teacher approves the plan", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await page.goto(planUrl);
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText("Status: In review")).toBeVisible();
  await page.getByLabel("Note to the student").fill("Approved. Enjoy the trip!");
  await page.getByRole("button", { name: "Approve plan" }).click();
  await expect(page.getByText("Status: Active")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  for (const step of ["Draft → Waiting for review", "Waiting for review → Changes requested", "In review → Active"]) {
    await expect(timeline.getByText(step)).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("the student adds evidence: text, a file, and an oversized file is refused", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await page.goto(planUrl);

  const first = page.getByRole("region", { name: "Test which bridge design holds the most weight" });
  await first.getByRole("button", { name: "Add evidence" }).click();
  await first.getByLabel("Title").fill("Load test results");
  await first.getByLabel("What you did or learned").fill("The truss design held 4.2 kg, twice the beam design.");
  await first.getByLabel("Reflection (optional)").fill("Measuring carefully took longer than I expected.");
  await first.getByRole("button", { name: "Save evidence" }).click();
  await expect(first.getByText("The truss design held 4.2 kg, twice the beam design.")).toBeVisible();

  const second = page.getByRole("region", { name: "Use ratios to scale my bridge model" });
  await second.getByRole("button", { name: "Add evidence" }).click();
  await second.getByLabel("File").check();
  await second.getByLabel("Title").fill("Scaled drawing");
  const fileInput = second.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: "huge-scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await expect(second.getByText("the limit is 10 MB")).toBeVisible();
  await fileInput.setInputFiles({ name: "virus.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await expect(second.getByText("That kind of file is not accepted")).toBeVisible();
  await expectNoAxeViolations(page);
  await fileInput.setInputFiles({
    name: "scaled-drawing.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% Pathways test\n"),
  });
  await second.getByRole("button", { name: "Save evidence" }).click();
  const link = second.getByRole("link", { name: "scaled-drawing.pdf" });
  await expect(link).toBeVisible();
  fileUrl = (await link.getAttribute("href")) ?? "";
  expect(fileUrl).toMatch(/^\/api\/evidence\/.+\/file$/);
  const download = await page.request.get(fileUrl);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain("Pathways test");
  // Served sandboxed: a file can never run script as the app, whatever it contains.
  expect(download.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
});

test("the teacher rates the evidence; the goal shows its level and the plan its progress", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await page.goto(planUrl);
  const first = page.getByRole("region", { name: "Test which bridge design holds the most weight" });
  // The form is one button away, named after the evidence; opening it puts focus on the level it
  // starts on, the scale's default.
  await expect(first.getByRole("form", { name: /^Rate “/ })).toHaveCount(0);
  await first.getByRole("button", { name: "Rate “Load test results”" }).click();
  await expect(first.getByRole("radio", { name: /Proficient/ })).toBeChecked();
  await expect(first.getByRole("radio", { name: /Proficient/ })).toBeFocused();
  await first.getByRole("radio", { name: /Developing/ }).check();
  await first.getByRole("button", { name: "Save rating" }).click();
  await expect(first.getByText("Write feedback for the student.")).toBeVisible();
  await expectNoAxeViolations(page);
  await first.getByRole("radio", { name: /Proficient/ }).check();
  await first.getByLabel("Feedback for the student").fill("Clear data table. Next: explain why the truss spreads the load.");
  await first.getByRole("button", { name: "Save rating" }).click();
  await expect(first.getByText("Clear data table. Next: explain why the truss spreads the load.")).toBeVisible();
  await expect(first.getByText("Proficient", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("50% · 1 of 2 goals at a proficient level")).toBeVisible();
  await expectNoAxeViolations(page);
  // Cancel closes the form; focus is back on its button.
  await first.getByRole("button", { name: "Cancel" }).click();
  await expect(first.getByRole("form", { name: /^Rate “/ })).toHaveCount(0);
  await expect(first.getByRole("button", { name: "Rate “Load test results”" })).toBeFocused();
});

test("a goal shows its newest ten pieces of evidence and links to the rest", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO_ACCOUNTS.student.email);
  await page.goto(planUrl);
  const second = page.getByRole("region", { name: "Use ratios to scale my bridge model" });
  // The scaled drawing is there; ten more make eleven.
  for (let n = 1; n <= 10; n++) {
    await second.getByRole("button", { name: "Add evidence" }).click();
    await second.getByLabel("Title").fill(`Scale step ${n}`);
    await second.getByLabel("What you did or learned").fill(`Worked out part ${n} at 1:50.`);
    await second.getByRole("button", { name: "Save evidence" }).click();
    await expect(second.getByRole("status").filter({ hasText: `Evidence saved: “Scale step ${n}”.` })).toBeFocused();
  }
  await page.reload();
  const pieces = second.getByRole("article", { name: /^Evidence: / });
  await expect(pieces).toHaveCount(10);
  await expect(pieces.first()).toHaveAccessibleName("Evidence: Scale step 10");
  await expect(second.getByRole("link", { name: "scaled-drawing.pdf" })).toHaveCount(0);

  const all = second.getByRole("link", { name: "Show all 11 pieces of evidence" });
  await all.click();
  await expect(page).toHaveURL(/\?evidence=[^#]+#goal-/);
  await expect(pieces).toHaveCount(11);
  await expect(second.getByRole("link", { name: "scaled-drawing.pdf" })).toBeVisible();
  // The same link, now back to the newest ten, keeps focus as the list grows above it.
  const newest = second.getByRole("link", { name: "Show only the newest 10" });
  await expect(newest).toBeFocused();
  await expectNoAxeViolations(page);
  await newest.click();
  await expect(pieces).toHaveCount(10);
  await expect(second.getByRole("link", { name: "Show all 11 pieces of evidence" })).toBeFocused();
});

test("the guardian follows the plan read-only: goals, feedback, ratings, progress", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.guardian.email);
  await expect(page).toHaveURL(/\/family$/);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("Clear data table. Next: explain why the truss spreads the load.")).toBeVisible();
  await expect(page.getByText("Approved. Enjoy the trip!")).toBeVisible();
  await expect(page.getByText("50% · 1 of 2 goals at a proficient level")).toBeVisible();
  await expect(page.getByText("Which materials will you use for the bridges?")).toBeVisible();
  await expectNoAxeViolations(page);
  // Read-only: no way to edit, change status, add evidence, rate or comment.
  for (const name of ["Edit plan", "Add evidence", "Save rating", "Write a comment", "Post comment", "Approve plan", "Submit for review"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: /^Rate “/ })).toHaveCount(0);
  expect((await page.request.get(fileUrl)).status()).toBe(200);
  expect((await page.request.get(`${planUrl}/edit`)).status()).toBe(403);
});

test("nobody else can open the plan or its file", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.otherStudent.email);
  const plan = await page.goto(planUrl);
  expect(plan?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.request.get(fileUrl)).status()).toBe(404);

  await signIn(page, DEMO_ACCOUNTS.scienceTeacher.email);
  expect((await page.goto(planUrl))?.status()).toBe(404);
  expect((await page.request.get(fileUrl)).status()).toBe(404);

  await page.context().clearCookies();
  expect((await page.request.get(fileUrl)).status()).toBe(401);
});

// A plan that can change without losing anything, in the browser: a draft deleted and
// restored, a submission withdrawn, an active plan sent back (and what the family sees),
// a completed plan reopened, and a plan a teacher starts for a student.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const SAMUEL = "samuel.adeyemi@northbrook.test";
const LEILA = "leila.haddad@northbrook.test";
const YUKI = "yuki.tanaka@northbrook.test";
const IMANI = "imani.mensah@northbrook.test";
const OKAFOR = "daniel.okafor@northbrook.test";
const GARCIA = "sofia.garcia@northbrook.test";
// Noah Kim's guardian (GUARDIAN_FIRST[7] in prisma/seed/demo.ts).
const GRACE = "grace.kim@family.test";
// Noah Kim's active plan in the demo data.
const NOAH_PLAN = "Growing a school garden";

const goal = (page: Page) => page.getByRole("group", { name: "Goal 1", exact: true });
const status = (page: Page, text: string) => expect(page.getByText(`Status: ${text}`, { exact: true })).toBeVisible();

/** Fills the plan form's required fields (on /plans/new or a teacher's "Start a plan for…") and saves the draft. */
async function saveDraft(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await goal(page).getByLabel("Goal", { exact: true }).fill("Explain how a local bridge carries its load");
  await goal(page).getByLabel("Success criteria").fill("A labelled diagram and three forces explained");
  await goal(page).getByLabel("How mastery will be shown").fill("A short talk with a model");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function startOwnPlan(page: Page, title: string) {
  await page.getByRole("link", { name: "Start a new plan" }).click();
  await saveDraft(page, title);
  return new URL(page.url()).pathname;
}

test("a student deletes a draft, finds it in Recently deleted, and restores it", async ({ page }) => {
  const title = `Bridge notes ${run}`;
  await signIn(page, SAMUEL);
  const planUrl = await startOwnPlan(page, title);

  await page.getByRole("button", { name: "Delete draft", exact: true }).click();
  const question = page.getByText(`Delete the draft “${title}”?`);
  await expect(question).toBeFocused();
  await expectNoAxeViolations(page);
  // "Keep it" changes nothing and gives the focus back.
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("button", { name: "Delete draft", exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Delete draft", exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete draft" }).click();

  await expect(page).toHaveURL(/\/plans\/deleted\?deleted=/);
  const result = page.getByRole("status").filter({ hasText: `Plan deleted: “${title}”` });
  await expect(result).toBeFocused();
  await expect(page.getByRole("list", { name: "Deleted drafts" }).getByText(title, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Gone everywhere else: the plan's address and the student's list.
  expect((await page.request.get(planUrl)).status()).toBe(404);
  await page.goto("/student");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.getByRole("link", { name: "Recently deleted drafts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recently deleted" })).toBeVisible();

  await page.getByRole("button", { name: `Restore “${title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await status(page, "Draft");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Deleted", { exact: true })).toBeVisible();
  await expect(timeline.getByText("Restored after being deleted")).toBeVisible();
  await page.goto("/student");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a student withdraws a submission before the review starts", async ({ page }) => {
  const title = `Energy diary ${run}`;
  await signIn(page, LEILA);
  await startOwnPlan(page, title);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await status(page, "Waiting for review");

  await page.getByLabel("Note (optional)").fill("I sent it too early.");
  await page.getByRole("button", { name: "Withdraw submission" }).click();
  await status(page, "Draft");
  await expect(page.getByRole("status").filter({ hasText: "Submission withdrawn" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Edit plan" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText("Waiting for review → Draft (submission withdrawn)")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a teacher sends an active plan back to draft with a reason; the family sees it is being revised", async ({ page }) => {
  await signIn(page, OKAFOR);
  await page.getByRole("region", { name: "My students" }).getByRole("link", { name: "Noah Kim", exact: true }).click();
  await page.getByRole("table", { name: "Plans of Noah Kim" }).getByRole("link", { name: NOAH_PLAN }).click();
  await status(page, "Active");
  const planUrl = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Send back to draft" }).click();
  await expect(page.getByText("Tell the student why.")).toBeVisible();
  await expect(page.getByLabel("Note to the student")).toBeFocused();
  await page.getByLabel("Note to the student").fill("Your garden moved to the spring term: please change the dates and goal 2.");
  await page.getByRole("button", { name: "Send back to draft" }).click();
  await status(page, "Draft · being revised");
  await expect(page.getByRole("status").filter({ hasText: "Sent back to draft" })).toBeFocused();
  // Nothing was lost: the evidence and its ratings are still there.
  await expect(page.getByText(/^Reflection on “/).first()).toBeVisible();
  await expect(page.getByText("Clear thinking and good use of evidence.", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await signIn(page, GRACE);
  await expect(page).toHaveURL(/\/family$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: NOAH_PLAN }) });
  await expect(row.getByText("Draft · being revised")).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toHaveCount(0);
  await row.getByRole("link", { name: NOAH_PLAN }).click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));
  await status(page, "Draft · being revised");
  await expect(page.getByText("This plan was approved and is being revised.")).toBeVisible();
  await expect(page.getByText("Your garden moved to the spring term: please change the dates and goal 2.").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: `Daniel Okafor sent “${NOAH_PLAN}” back to draft: it is being revised` })).toBeVisible();
});

test("a teacher reopens a completed plan with a reason", async ({ page }) => {
  const title = `Speaking up ${run}`;
  await signIn(page, YUKI);
  await startOwnPlan(page, title);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await status(page, "Waiting for review");

  await signIn(page, GARCIA);
  await page.getByRole("region", { name: "Review queue" }).getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Approve plan" }).click();
  await status(page, "Active");
  await page.getByRole("button", { name: "Mark completed" }).click();
  await status(page, "Completed");

  await page.getByRole("button", { name: "Reopen plan" }).click();
  await expect(page.getByText("Tell the student why.")).toBeVisible();
  await page.getByLabel("Note to the student").fill("Add the interview you did last week as evidence.");
  await page.getByRole("button", { name: "Reopen plan" }).click();
  await status(page, "Active");
  await expect(page.getByRole("status").filter({ hasText: "Plan reopened" })).toBeFocused();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Completed → Active (reopened)")).toBeVisible();
  await expect(timeline.getByText("Add the interview you did last week as evidence.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a teacher starts a plan for a student, who then sees it and edits it as their own", async ({ page }) => {
  const title = `Rivers of home ${run}`;
  await signIn(page, GARCIA);
  await page.getByRole("region", { name: "My students" }).getByRole("link", { name: "Imani Mensah", exact: true }).click();
  await page.getByRole("link", { name: "Start a plan for Imani Mensah" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a plan for Imani Mensah" })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveDraft(page, title);
  await status(page, "Draft");
  await expect(page.getByRole("link", { name: "Imani Mensah", exact: true })).toBeVisible();

  await signIn(page, IMANI);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("My plan · Personalized learning plan")).toBeVisible();
  await page.getByRole("link", { name: "Edit plan" }).click();
  await page.getByLabel("Summary (optional)").fill("I will map the stream behind our building.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("I will map the stream behind our building.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: `Sofia Garcia started “${title}” for you` })).toBeVisible();
});

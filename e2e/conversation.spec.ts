// A plan's conversation in the browser: a teacher comments on a goal, the student replies,
// the teacher resolves the thread; a student reflects on a goal, their teacher answers and
// the student reads the answer. Focus lands on each result; axe checks every new state.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const LINH = "linh.nguyen@northbrook.test";
const ZOE = "zoe.okoro@northbrook.test";
const SOFIA = "sofia.garcia@northbrook.test";
// The brief named Chloe Dubois, but the seed gives her an archived plan (index 22 of the
// status cycle); Omar Farouk (index 23) is the next grade 8 student with an active plan.
const REFLECTOR = { email: "omar.farouk@northbrook.test", name: "Omar Farouk" };

const stamp = Date.now().toString(36);
const COMMENT = `Which two sources will you compare for this goal? (${stamp})`;
const REPLY = `The city council minutes and an interview with my neighbour. (${stamp})`;
const LEARNED = `Batteries store chemical energy, not electricity. (${stamp})`;
const ANSWER = `Exactly right. Next, compare two kinds of battery. (${stamp})`;
let zoePlan = "";
let reflectorPlan = "";

const firstGoal = (page: Page) => page.getByRole("region", { name: "Goals" }).getByRole("region").first();
const comments = (page: Page) => page.getByRole("region", { name: "Comments" });

/** A teacher opens a student's active plan from their home page. */
async function openStudentPlan(page: Page, student: string) {
  await page.getByRole("region", { name: "My students" }).getByRole("link", { name: student }).click();
  await page
    .getByRole("table", { name: `Plans of ${student}` })
    .getByRole("row")
    .filter({ hasText: "Active" })
    .getByRole("link")
    .click();
  await expect(page.getByText("Status: Active")).toBeVisible();
}

test("a teacher comments on a goal of a student's active plan", async ({ page }) => {
  await signIn(page, LINH);
  await openStudentPlan(page, "Zoe Okoro");
  zoePlan = new URL(page.url()).pathname;

  const goal = firstGoal(page);
  await goal.getByRole("button", { name: "Comment on this goal" }).click();
  await expect(goal.getByLabel("Your comment on this goal")).toBeFocused();
  // An empty comment is refused next to the field.
  await goal.getByRole("button", { name: "Post comment" }).click();
  await expect(goal.getByText("Write a comment first.")).toBeVisible();
  await expectNoAxeViolations(page);

  await goal.getByLabel("Your comment on this goal").fill(COMMENT);
  await goal.getByRole("button", { name: "Post comment" }).click();
  await expect(goal.getByRole("article").filter({ hasText: COMMENT })).toBeFocused();
  await expect(comments(page)).toContainText("1 open thread.");
  await expectNoAxeViolations(page);
});

test("the student replies in the thread", async ({ page }) => {
  await signIn(page, ZOE);
  await page.goto(zoePlan);
  const goal = firstGoal(page);
  await expect(goal.getByText(COMMENT)).toBeVisible();
  // Only a teacher resolves.
  await expect(page.getByRole("button", { name: "Resolve thread" })).toHaveCount(0);
  await goal.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(goal.getByLabel("Your reply")).toBeFocused();
  await goal.getByLabel("Your reply").fill(REPLY);
  await expectNoAxeViolations(page);
  await goal.getByRole("button", { name: "Post reply" }).click();
  await expect(goal.getByRole("article").filter({ hasText: REPLY })).toBeFocused();
});

test("the teacher resolves the thread: it folds away, can be reopened, and stops counting", async ({ page }) => {
  await signIn(page, LINH);
  // The review queue counts open threads on the plans waiting for review.
  await expect(
    page.getByRole("table", { name: "Plans waiting for review" }).getByRole("columnheader", { name: "Open threads" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(zoePlan);
  const goal = firstGoal(page);
  await expect(goal.getByText(REPLY)).toBeVisible();
  await goal.getByRole("button", { name: "Resolve thread" }).click();
  const resolved = goal.getByText(/^Resolved by Linh Nguyen on /);
  await expect(resolved).toBeFocused();
  await expect(goal.getByText(REPLY)).toBeHidden();
  await expect(comments(page)).toContainText("No open threads.");
  await expectNoAxeViolations(page);

  // Still all there: opened, it shows the thread and a way to reopen it.
  await resolved.click();
  await expect(goal.getByText(REPLY)).toBeVisible();
  await goal.getByRole("button", { name: "Reopen thread" }).click();
  await expect(goal.getByRole("article").filter({ hasText: COMMENT })).toBeFocused();
  await expect(comments(page)).toContainText("1 open thread.");
  await goal.getByRole("button", { name: "Resolve thread" }).click();
  await expect(goal.getByText(/^Resolved by Linh Nguyen on /)).toBeFocused();
  await expect(comments(page)).toContainText("No open threads.");
});

test("a student writes a reflection on a goal of their active plan", async ({ page }) => {
  await signIn(page, REFLECTOR.email);
  await page.getByRole("table", { name: "My plans" }).getByRole("row").filter({ hasText: "Active" }).getByRole("link").click();
  await expect(page.getByText("Status: Active")).toBeVisible();
  reflectorPlan = new URL(page.url()).pathname;

  const reflections = page.getByRole("region", { name: "Reflections" });
  const goalTitle = (await firstGoal(page).getByRole("heading", { level: 3 }).first().textContent()) ?? "";
  // The form opens on demand, with focus on its first field.
  await reflections.getByRole("button", { name: "Write a reflection" }).click();
  await expect(reflections.getByLabel("What is it about?")).toBeFocused();
  await reflections.getByLabel("What is it about?").selectOption({ label: `Goal 1: ${goalTitle}` });
  // At least one question must be answered; the message is next to the first one, which takes focus.
  await reflections.getByRole("button", { name: "Save reflection" }).click();
  await expect(reflections.getByText("Answer at least one of the questions.")).toBeVisible();
  await expect(reflections.getByLabel("What did I learn?")).toBeFocused();
  await expectNoAxeViolations(page);

  await reflections.getByLabel("What did I learn?").fill(LEARNED);
  await reflections.getByLabel("What's next?").fill("Build a lemon battery at home.");
  await reflections.getByRole("button", { name: "Save reflection" }).click();
  // It lands under its goal, and the Reflections section links to it.
  const written = firstGoal(page).getByRole("article").filter({ hasText: LEARNED });
  await expect(written).toBeFocused();
  await expect(written).toContainText("What's next?");
  await expect(reflections.getByRole("link", { name: `Goal 1: ${goalTitle}` })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the teacher answers the reflection", async ({ page }) => {
  await signIn(page, SOFIA);
  await openStudentPlan(page, REFLECTOR.name);
  expect(new URL(page.url()).pathname).toBe(reflectorPlan);
  const reflection = firstGoal(page).getByRole("article").filter({ hasText: LEARNED });
  await reflection.getByRole("button", { name: "Answer this reflection" }).click();
  await expect(reflection.getByLabel("Your answer to the student")).toBeFocused();
  await reflection.getByLabel("Your answer to the student").fill(ANSWER);
  await expectNoAxeViolations(page);
  await reflection.getByRole("button", { name: "Post answer" }).click();
  await expect(reflection.getByRole("listitem").filter({ hasText: ANSWER })).toBeFocused();
  await expect(reflection).toContainText("Sofia Garcia answered");
});

test("the student sees the answer, on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, REFLECTOR.email);
  await page.goto("/notifications");
  await page
    .getByRole("link", { name: /^Sofia Garcia answered your reflection on / })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${reflectorPlan}#reflection-`));
  const reflection = firstGoal(page).getByRole("article").filter({ hasText: LEARNED });
  await expect(reflection.getByText(ANSWER)).toBeVisible();
  // The student reads answers; answering is the teacher's.
  await expect(page.getByRole("button", { name: "Answer this reflection" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

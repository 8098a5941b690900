// A plan that changes without losing anything: a proposed change approved on an active
// plan, two revisions compared and the older one restored, and two editors of one plan
// merging their work field by field.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const KAI = "kai.mahoe@northbrook.test";
const NORA = "nora.kowalski@northbrook.test";
const LUCAS = "lucas.moreau@northbrook.test";
const SOFIA = "sofia.garcia@northbrook.test";

const goal = (page: Page, n: number) => page.getByRole("group", { name: `Goal ${n}`, exact: true });

/** The student's own plan with this title, opened from their home page. */
async function openOwnPlan(page: Page, title: string) {
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

let kaiPlan = "";
const EDITED_GOAL = "Trace how the river and the railway shaped our town";
const NEW_GOAL = "Present my findings at the town library";

test("a student proposes a change to his active plan", async ({ page }) => {
  await signIn(page, KAI);
  kaiPlan = await openOwnPlan(page, "Data detectives");
  const panel = page.getByRole("region", { name: "Proposed change" });
  await expect(panel).toContainText("Your plan is active");
  await expectNoAxeViolations(page);
  await panel.getByRole("link", { name: "Propose a change" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Propose a change/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Note to your teacher (optional)").fill("I found old railway maps, and I want to share what I learn.");
  await goal(page, 1).getByLabel("Goal", { exact: true }).fill(EDITED_GOAL);
  await page.getByRole("button", { name: "Add another goal" }).click();
  await goal(page, 4).getByLabel("Subject").selectOption("SOCIAL_STUDIES");
  await goal(page, 4).getByLabel("Goal", { exact: true }).fill(NEW_GOAL);
  await goal(page, 4).getByLabel("Success criteria").fill("A ten-minute talk with a map and two primary sources");
  await goal(page, 4).getByLabel("How mastery will be shown").fill("The talk, recorded, and my notes");
  await page.getByRole("button", { name: "Send the proposal" }).click();

  await expect(page).toHaveURL(new RegExp(`${kaiPlan}#proposed-change$`));
  await expect(page.getByRole("heading", { name: "Proposed change" })).toBeFocused();
  await expect(panel).toContainText("It is waiting for the teacher");
  await expect(panel.getByRole("button", { name: "Withdraw my proposal" })).toBeVisible();
  // Nothing changes until the teacher approves.
  await expect(page.getByRole("heading", { level: 3, name: NEW_GOAL, exact: true })).toHaveCount(0);
  await expect(page.getByText("Status: Active")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("his teacher sees what changed and approves it; the plan stays active with the new goal", async ({ page }) => {
  await signIn(page, SOFIA);
  await page.goto(kaiPlan);
  const panel = page.getByRole("region", { name: "Proposed change" });
  await expect(panel).toContainText("I found old railway maps");
  await expect(panel.getByRole("region", { name: `Goal “${NEW_GOAL}”, added` })).toBeVisible();
  const edited = panel.getByRole("region", { name: `Goal “${EDITED_GOAL}”, changed` });
  await expect(edited.locator("ins").first()).toContainText("added: and the railway");
  await expectNoAxeViolations(page);

  await panel.getByRole("button", { name: "Approve change" }).click();
  await expect(panel.getByRole("status")).toHaveText("Change approved. The plan now includes it and stays active.");
  await expect(panel.getByRole("status")).toBeFocused();
  await expect(page.getByRole("heading", { level: 3, name: NEW_GOAL, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: EDITED_GOAL, exact: true })).toBeVisible();
  await expect(page.getByText("Status: Active")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("cell", { name: "Proposed change approved" })).toBeVisible();
});

test("a student edits her plan, compares two versions and restores the older one", async ({ page }) => {
  const TITLE = "Our river, our town";
  await signIn(page, NORA);
  const planUrl = await openOwnPlan(page, TITLE);
  if ((await page.getByRole("link", { name: "Edit plan" }).count()) === 0) {
    // The demo seeds this plan in review: her teacher asks for changes first.
    await signIn(page, SOFIA);
    await page.goto(planUrl);
    await page.getByLabel("Note to the student").fill("Please say which sources you will use.");
    await page.getByRole("button", { name: "Request changes" }).click();
    await expect(page.getByText("Status: Changes requested")).toBeVisible();
    await signIn(page, NORA);
    await page.goto(planUrl);
  }
  const original = "I want to connect what I learn in class to my neighbourhood and show it with real projects.";
  await expect(page.getByText(original)).toBeVisible();
  await page.getByRole("link", { name: "Edit plan" }).click();
  await page.getByLabel("Summary (optional)").fill("I want to learn from the river museum archive and show it with a map.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("I want to learn from the river museum archive and show it with a map.")).toBeVisible();

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of “${TITLE}”` })).toBeVisible();
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Edited");
  await expectNoAxeViolations(page);
  const newest = Number((await rows.nth(1).getByRole("cell").first().textContent())?.replace(/\D/g, ""));
  const older = newest - 1;
  await page.getByRole("radio", { name: `Compare from version ${older}` }).check();
  await page.getByRole("radio", { name: `Compare to version ${newest}` }).check();
  await page.getByRole("button", { name: "Compare the chosen versions" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Version ${older} and version ${newest}` })).toBeVisible();
  const changes = page.getByRole("region", { name: "About the plan" });
  await expect(changes).toContainText("Summary");
  await expect(changes.locator("del").first()).toContainText("removed:");
  await expect(changes.locator("ins").first()).toContainText("added:");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: `Restore version ${older}` }).click();
  await expect(page.getByRole("group", { name: `Restore version ${older}` })).toBeFocused();
  await page.getByRole("button", { name: `Yes, restore version ${older}` }).click();
  const done = page.getByRole("status").filter({ hasText: "was restored" });
  await expect(done).toHaveText(`Version ${older} was restored as version ${newest + 1}. Every earlier version is still here.`);
  await expect(done).toBeFocused();
  await expect(page.getByRole("row").nth(1)).toContainText("An earlier version restored");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "← Back to the plan" }).click();
  await expect(page.getByText(original)).toBeVisible();
});

test("two editors of one plan: the second merges the first one's changes field by field", async ({ page, browser, baseURL }) => {
  const TITLE = "My independent study term";
  await signIn(page, LUCAS);
  const planUrl = await openOwnPlan(page, TITLE);
  const other = await browser.newContext({ baseURL });
  const second = await other.newPage();
  await signIn(second, LUCAS);

  await page.goto(`${planUrl}/edit`);
  await second.goto(`${planUrl}/edit`);
  const criteria = await goal(page, 1).getByLabel("Success criteria").inputValue();

  // The first tab saves a new title and new success criteria for goal 1.
  await page.getByLabel("Title", { exact: true }).fill("My independent study term: rivers");
  await goal(page, 1).getByLabel("Success criteria").fill("Five cited sources and a clear claim");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My independent study term: rivers" })).toBeVisible();

  // The second tab, opened before that save, changes the title and the summary.
  await second.setViewportSize({ width: 390, height: 844 });
  await second.getByLabel("Title", { exact: true }).fill("My independent study term: maps");
  await second.getByLabel("Summary (optional)").fill("Maps of the river, old and new.");
  await second.getByRole("button", { name: "Save changes" }).click();

  const merge = second.getByRole("region", { name: "Someone else saved this plan while you were editing" });
  await expect(merge.getByRole("heading", { level: 2 })).toBeFocused();
  const title = merge.getByRole("group", { name: "Title", exact: true });
  await expect(title).toContainText("You both changed this.");
  await expect(title).toContainText("My independent study term: rivers");
  const theirCriteria = merge.getByRole("group", { name: "Success criteria", exact: true });
  await expect(theirCriteria).toContainText("Only they changed this.");
  await expect(theirCriteria.getByLabel("Take theirs")).toBeChecked();
  await expectNoAxeViolations(second);

  // Their title, my summary (nobody else touched it), and goal 1's criteria as I had them.
  await title.getByLabel("Take theirs").check();
  await theirCriteria.getByLabel("Keep mine").check();
  await second.getByRole("button", { name: "Save the merged plan" }).click();

  await expect(second.getByRole("heading", { level: 1, name: "My independent study term: rivers" })).toBeVisible();
  await expect(second.getByText("Maps of the river, old and new.")).toBeVisible();
  await expect(second.getByText(criteria, { exact: true })).toBeVisible();
  await expect(second.getByText("Five cited sources and a clear claim")).toHaveCount(0);
  await other.close();
});

// Keyboard-only journeys: a student creates a plan, submits it and adds evidence; their teacher
// reviews, approves and rates; their guardian signs the independent study agreement. Only Tab,
// Shift+Tab, Enter, Space, arrow keys and typing move through the pages (addresses are typed
// as a person would, with page.goto); each stop must show where focus is, and after every save,
// submit and status change focus lands on the result. Nora Kowalski (student 18 in
// prisma/seed/demo.ts, grade 8, science with Sofia Garcia) and her mother Marta; no later journey
// uses them. Setting up the agreement's content is not a keyboard journey and uses fill/click.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const NORA = { email: "nora.kowalski@northbrook.test", name: "Nora Kowalski" };
const MARTA = { email: "marta.kowalski@family.test", name: "Marta Kowalski" };
const GARCIA = { email: "sofia.garcia@northbrook.test", name: "Sofia Garcia" };
const TITLE = `Keyboard study ${run}`;
const GOAL = "Map the wetlands behind the school";
const EVIDENCE = `Wetland survey ${run}`;
const SUBJECTS = ["English Language Arts", "Math", "Science", "Social Studies"];
let planUrl = "";
let agreementUrl = "";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function sessionOf(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const isFocused = (target: Locator) => target.evaluateAll((els) => els.some((el) => el === document.activeElement));

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) {
      await expectVisibleFocus(page);
      return;
    }
    if (presses < max) await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${String(target)} was not reached in ${max} presses of ${back ? "Shift+Tab" : "Tab"}; focus is on ${at}`);
}

/** Whatever has focus shows it: an outline or a box-shadow ring. */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow, what: el.outerHTML.slice(0, 120) };
  });
  expect(style, "something has focus").not.toBeNull();
  const visible = (style!.outline !== "none" && style!.width > 0) || style!.shadow !== "none";
  expect(visible, `a visible focus indicator on ${style!.what}`).toBe(true);
}

test("a student creates a plan with the keyboard, and focus lands on the saved plan", async ({ page }) => {
  await signIn(page, NORA.email);
  await page.goto("/plans/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByLabel("Title"));
  await page.keyboard.type(TITLE);
  await tabTo(page, page.getByLabel("Kind of plan"));
  // A closed select takes typed letters as a person would pick from it.
  await page.keyboard.type("Independent");
  await expect(page.getByLabel("Kind of plan")).toHaveValue("INDEPENDENT_STUDY");
  const goal = page.getByRole("group", { name: "Goal 1", exact: true });
  await tabTo(page, goal.getByLabel("Goal", { exact: true }));
  await page.keyboard.type(GOAL);
  await tabTo(page, goal.getByLabel("Success criteria"));
  await page.keyboard.type("A labelled map and a species count");
  await tabTo(page, goal.getByLabel("How mastery will be shown"));
  await page.keyboard.type("A field report");
  await tabTo(page, page.getByRole("button", { name: "Save draft" }));
  await page.keyboard.press("Enter");

  const heading = page.getByRole("heading", { level: 1, name: TITLE });
  await expect(heading).toBeVisible();
  // The save moved on to the plan: focus is on its heading, not lost at the top of the document.
  await expect(heading).toBeFocused();
  planUrl = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);
});

test("setting up: the student starts the agreement and the teacher completes it and sends it for signatures", async ({ browser }) => {
  const student = await sessionOf(browser, NORA.email);
  await student.goto(planUrl);
  await student.getByRole("link", { name: "Independent study agreement" }).click();
  await student.getByRole("button", { name: "Start the agreement" }).click();
  await expect(student.getByRole("heading", { name: "Write the agreement" })).toBeVisible();
  agreementUrl = new URL(student.url()).pathname;
  const communication = student.getByRole("group", { name: "1. Submitting work, reporting progress and talking with the family" });
  for (const group of [
    "Submitting assignments",
    "Reporting progress",
    "Communicating with the parent or guardian about academic progress",
  ]) {
    const g = communication.getByRole("group", { name: group });
    await g.getByLabel("Manner", { exact: true }).fill("Email");
    await g.getByLabel("Time", { exact: true }).fill("By 5 pm");
    await g.getByLabel("Frequency", { exact: true }).fill("Weekly");
    await g.getByLabel("Place", { exact: true }).fill("Home");
  }
  await student.getByRole("button", { name: "Save draft" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Saved." })).toBeFocused();
  await student.context().close();

  const teacher = await sessionOf(browser, GARCIA.email);
  await teacher.goto(agreementUrl);
  for (const [i, subject] of SUBJECTS.entries()) {
    const row = teacher.getByRole("group", { name: `Subject ${i + 1}: ${subject}` });
    await row.getByLabel("Objectives").fill(`Keep pace with grade 8 ${subject}`);
    await row.getByLabel("Methods of study").fill("Weekly readings and exercises");
    await row.getByLabel("How the work is evaluated").fill("Rubric-scored work samples");
    await teacher.getByLabel(`Credits for ${subject}`).fill("5");
  }
  await teacher.getByRole("button", { name: "Add a resource" }).click();
  await teacher.getByLabel("Resource 1", { exact: true }).fill("Field guide and a school tablet");
  await teacher.getByLabel("The student has a device").check();
  await teacher.getByLabel("The student has an internet connection").check();
  await teacher.getByLabel("Start date").fill(day(28));
  await teacher.getByLabel("End date").fill(day(90));
  await teacher.getByLabel("Supports available").fill("Counselling and learning support.");
  await teacher.getByLabel("Supervising teacher").selectOption({ label: GARCIA.name });
  await teacher.getByRole("button", { name: "Send for signatures" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Sent for signatures as version 1." })).toBeFocused();
  await teacher.context().close();
});

test("a guardian signs the agreement with the keyboard", async ({ page }) => {
  await signIn(page, MARTA.email);
  await page.goto(agreementUrl);
  const read = page.getByRole("region", { name: "Read and sign" });
  await expect(read).toBeVisible();
  await expectNoAxeViolations(page);

  await tabTo(page, read.getByLabel("Your full name"));
  await page.keyboard.type(MARTA.name);
  await tabTo(page, read.getByLabel(/I agree/));
  await page.keyboard.press("Space");
  await expect(read.getByLabel(/I agree/)).toBeChecked();
  await tabTo(page, read.getByRole("button", { name: "Sign", exact: true }));
  await page.keyboard.press("Enter");
  const done = page.getByRole("status").filter({ hasText: "You signed version 1." });
  await expect(done).toBeFocused();
  await expectVisibleFocus(page);
  await expectNoAxeViolations(page);
});

test("the student submits the plan with the keyboard", async ({ page }) => {
  await signIn(page, NORA.email);
  await page.goto(planUrl);
  await tabTo(page, page.getByRole("button", { name: "Submit for review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Submitted for review." })).toBeFocused();
  await expect(page.getByText("Status: Waiting for review")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the teacher reviews and approves with the keyboard", async ({ page }) => {
  await signIn(page, GARCIA.email);
  await expect(page).toHaveURL(/\/teacher$/);
  // From the review queue to the plan: the link is reached with Tab and followed with Enter.
  await tabTo(page, page.getByRole("region", { name: "Review queue" }).getByRole("link", { name: TITLE }), { max: 200 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole("button", { name: "Start review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Review started." })).toBeFocused();
  await expect(page.getByText("Status: In review")).toBeVisible();

  // From the status just announced, onwards to the note and the approval.
  await tabTo(page, page.getByLabel("Note to the student"));
  await page.keyboard.type("Approved: enjoy the wetlands.");
  await tabTo(page, page.getByRole("button", { name: "Approve plan" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Plan approved." })).toBeFocused();
  await expect(page.getByText("Status: Active")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the student adds evidence with the keyboard", async ({ page }) => {
  await signIn(page, NORA.email);
  await page.goto(planUrl);
  const goal = page.getByRole("region", { name: GOAL });
  await tabTo(page, goal.getByRole("button", { name: "Add evidence" }));
  await page.keyboard.press("Enter");
  // Opening the form puts focus in it, on the first choice.
  const form = goal.getByRole("form", { name: "Add evidence" });
  await expect(form.getByRole("radio", { name: "Written" })).toBeFocused();
  await expectNoAxeViolations(page);
  await tabTo(page, form.getByLabel("Title"));
  await page.keyboard.type(EVIDENCE);
  await tabTo(page, form.getByLabel("What you did or learned"));
  await page.keyboard.type("Counted 14 bird species along the boardwalk.");
  await tabTo(page, form.getByRole("button", { name: "Save evidence" }));
  await page.keyboard.press("Enter");
  await expect(goal.getByRole("status").filter({ hasText: `Evidence saved: “${EVIDENCE}”.` })).toBeFocused();
  await expect(goal.getByText("Counted 14 bird species along the boardwalk.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the teacher rates the evidence with the keyboard; the form is named after the evidence", async ({ page }) => {
  await signIn(page, GARCIA.email);
  await page.goto(planUrl);
  // Each piece of evidence has a button named after it; the form opens on demand, focus in it.
  const rate = page.getByRole("button", { name: `Rate “${EVIDENCE}”` });
  await expect(rate).toHaveAttribute("aria-expanded", "false");
  await tabTo(page, rate);
  await page.keyboard.press("Enter");
  await expect(rate).toHaveAttribute("aria-expanded", "true");
  // A screen reader tells rating forms apart: the form and its levels both name the evidence.
  const form = page.getByRole("form", { name: new RegExp(EVIDENCE) });
  await expect(form).toHaveCount(1);
  const levels = form.getByRole("group", { name: new RegExp(`Proficiency.*${EVIDENCE}`) });
  await expect(levels).toBeVisible();
  // Focus is on the level the form starts on, as a Tab into the group would put it.
  const proficient = levels.getByRole("radio", { name: /Proficient/ });
  await expect(proficient).toBeChecked();
  await expect(proficient).toBeFocused();
  await expectNoAxeViolations(page);
  // Escape closes it and focus is back on its button; Enter opens it again.
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(rate).toBeFocused();
  await expect(rate).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(proficient).toBeFocused();

  // The radio group is one Tab stop; the arrows move within it.
  await page.keyboard.press("ArrowUp");
  const developing = levels.getByRole("radio", { name: /Developing/ });
  await expect(developing).toBeChecked();
  await expect(developing).toBeFocused();
  await tabTo(page, form.getByLabel("Feedback for the student"));
  await page.keyboard.type("A careful count. Next: compare with last spring.");
  await tabTo(page, form.getByRole("button", { name: "Save rating" }));
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status").filter({ hasText: `Rating saved: Developing for “${EVIDENCE}”.` })).toBeFocused();
  await expect(page.getByText("A careful count. Next: compare with last spring.")).toBeVisible();
  await expectNoAxeViolations(page);
});

// Work under an independent study agreement in the browser: three missed assignments raise an
// evaluation and a guardian notice; the teacher records the evaluation and the guardian reads it.
// The e2e database has no active agreement, so the first test makes one through the UI for Priya
// Patel (student 6 in prisma/seed/demo.ts, grade 7, English with Linh Nguyen) — agreement.spec.ts
// uses Mateo, so the two journeys never meet.
import { expect, test, type Browser } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, mailTo, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const PRIYA = { email: "priya.patel@northbrook.test", name: "Priya Patel" };
// GUARDIAN_FIRST[6] in prisma/seed/demo.ts: Priya's mother.
const ANIL = { email: "anil.patel@family.test", name: "Anil Patel" };
const TEACHER = DEMO_ACCOUNTS.teacher;
const TITLE = `Studying from abroad ${run}`;
const SUBJECTS = ["English Language Arts", "Math", "Science", "Social Studies"];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let agreementUrl = "";

async function sessionOf(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("an active agreement for Priya, drafted, sent and signed by everyone", async ({ browser }) => {
  test.setTimeout(180_000);
  const student = await sessionOf(browser, PRIYA.email);
  await student.goto("/plans/new");
  await student.getByLabel("Title").fill(TITLE);
  await student.getByLabel("Kind of plan").selectOption({ label: "Independent study plan" });
  const goal = student.getByRole("group", { name: "Goal 1", exact: true });
  await goal.getByLabel("Goal", { exact: true }).fill("Keep up with every core subject while abroad");
  await goal.getByLabel("Success criteria").fill("Weekly work handed in for each subject");
  await goal.getByLabel("How mastery will be shown").fill("A portfolio per subject");
  await student.getByRole("button", { name: "Save draft" }).click();
  await expect(student.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await student.getByRole("link", { name: "Independent study agreement" }).click();
  await student.getByRole("button", { name: "Start the agreement" }).click();
  await expect(student.getByRole("heading", { name: "Write the agreement" })).toBeVisible();
  agreementUrl = new URL(student.url()).pathname;
  await student.context().close();

  const teacher = await sessionOf(browser, TEACHER.email);
  await teacher.goto(agreementUrl);
  const communication = teacher.getByRole("group", { name: "1. Submitting work, reporting progress and talking with the family" });
  for (const group of [
    "Submitting assignments",
    "Reporting progress",
    "Communicating with the parent or guardian about academic progress",
  ]) {
    const g = communication.getByRole("group", { name: group });
    await g.getByLabel("Manner", { exact: true }).fill("Online");
    await g.getByLabel("Time", { exact: true }).fill("By 4 pm");
    await g.getByLabel("Frequency", { exact: true }).fill("Weekly");
    await g.getByLabel("Place", { exact: true }).fill("Home");
  }
  const credits = teacher.getByRole("group", { name: "6. Credits or other measures of accomplishment, per subject" });
  for (const [i, subject] of SUBJECTS.entries()) {
    const row = teacher.getByRole("group", { name: `Subject ${i + 1}: ${subject}` });
    await row.getByLabel("Objectives").fill(`Grade 7 ${subject}`);
    await row.getByLabel("Methods of study").fill("Readings and exercises");
    await row.getByLabel("How the work is evaluated").fill("Rubrics");
    await credits.getByLabel(`Credits for ${subject}`).fill("5");
  }
  await teacher.getByRole("button", { name: "Add a resource" }).click();
  await teacher
    .getByRole("group", { name: "3. Resources, materials and people; device and connectivity" })
    .getByLabel("Resource 1", { exact: true })
    .fill("A school laptop");
  await teacher.getByLabel("The student has a device").check();
  await teacher.getByLabel("The student has an internet connection").check();
  // Started a week ago, so that work can be assigned today.
  await teacher.getByLabel("Start date").fill(day(-7));
  await teacher.getByLabel("End date").fill(day(60));
  await teacher.getByLabel("Supports available").fill("English learner support, IEP and 504 services, counselling.");
  await teacher.getByLabel("Supervising teacher").selectOption({ label: TEACHER.name });
  await teacher.getByRole("button", { name: "Send for signatures" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Sent for signatures as version 1." })).toBeFocused();
  await teacher.context().close();

  for (const who of [PRIYA, ANIL, TEACHER]) {
    const page = await sessionOf(browser, who.email);
    await page.goto(agreementUrl);
    const read = page.getByRole("region", { name: "Read and sign" });
    await read.getByLabel("Your full name").fill(who.name);
    await read.getByLabel(/I agree/).check();
    await read.getByRole("button", { name: "Sign" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You signed version 1." })).toBeFocused();
    await page.context().close();
  }
});

test("three missed assignments raise an evaluation and a guardian notice; the guardian reads the evaluation", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await sessionOf(browser, TEACHER.email);
  await teacher.goto(agreementUrl);
  await expect(teacher.getByText("Status: Active")).toBeVisible();
  const work = teacher.getByRole("region", { name: "Work under the agreement" });
  const assign = work.getByRole("region", { name: "Assign work" });
  await expect(assign).toBeVisible();
  await expectNoAxeViolations(teacher);

  // Past the board's maximum, the message is beside the due date and nothing typed is lost.
  await assign.getByLabel("Subject").selectOption({ label: "Math" });
  await assign.getByLabel("Title").fill("Too long a wait");
  await assign.getByLabel("Due on").fill(day(40));
  await assign.getByRole("button", { name: "Assign work" }).click();
  await expect(assign.getByLabel("Due on")).toHaveAccessibleDescription(/for grade 7\./);
  await expect(assign.getByLabel("Title")).toHaveValue("Too long a wait");

  for (const title of ["Fractions", "Ratios one", "Ratios two", "Ratios three"]) {
    await assign.getByLabel("Title").fill(title);
    await assign.getByLabel("Due on").fill(day(1));
    await assign.getByRole("button", { name: "Assign work" }).click();
    await expect(assign.getByRole("status").filter({ hasText: `Assigned “${title}” in Math` })).toBeFocused();
  }

  // The student hands one in; the teacher records it completed, with its time value.
  const student = await sessionOf(browser, PRIYA.email);
  await student.goto(agreementUrl);
  const studentMath = student.getByRole("region", { name: "Math", exact: true });
  await expect(student.getByRole("region", { name: "Assign work" })).toHaveCount(0);
  await studentMath.getByRole("form", { name: "Submit “Fractions”" }).getByRole("button", { name: "Mark submitted" }).click();
  await expect(studentMath.getByRole("status").filter({ hasText: "You marked “Fractions” submitted." })).toBeFocused();
  await expect(studentMath.getByText("Submitted", { exact: true })).toBeVisible();
  await expectNoAxeViolations(student);
  await student.context().close();

  await teacher.reload();
  const math = work.getByRole("region", { name: "Math", exact: true });
  const fractions = math.getByRole("group", { name: "Record “Fractions”" });
  await fractions.getByLabel("Completed").check();
  await fractions.getByRole("button", { name: "Record" }).click();
  await expect(fractions.getByText("Enter the time value of the work, in whole minutes.")).toBeVisible();
  await fractions.getByLabel("Time value, in minutes").fill("45");
  await fractions.getByRole("button", { name: "Record" }).click();
  await expect(math.getByRole("status").filter({ hasText: "Recorded “Fractions” as completed, 45 minutes." })).toBeFocused();

  for (const title of ["Ratios one", "Ratios two", "Ratios three"]) {
    const record = math.getByRole("group", { name: `Record “${title}”` });
    await record.getByLabel("Missed").check();
    await record.getByRole("button", { name: "Record" }).click();
    await expect(math.getByRole("status").filter({ hasText: `Recorded “${title}” as missed.` })).toBeFocused();
  }
  await expect(math.getByRole("status").filter({ hasText: "an evaluation is due" })).toBeVisible();
  await expect(work.getByRole("alert").filter({ hasText: "Evaluation due" })).toBeVisible();
  // Minutes, completed, missed, open, promised.
  const totals = work.getByRole("table", { name: /against the credits promised/ });
  await expect(totals.getByRole("row", { name: /^Math/ }).getByRole("cell")).toHaveText(["45", "1", "3", "0", "5 credits"]);
  await expectNoAxeViolations(teacher);
  // On a phone-sized screen nothing is wider than the screen.
  await teacher.setViewportSize({ width: 360, height: 800 });
  expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await teacher.setViewportSize({ width: 1280, height: 720 });

  // The teacher's home lists it first, linking to the evaluation form.
  await teacher.goto("/teacher");
  await expect(teacher.getByRole("heading", { level: 2, name: /^Independent study evaluations due\s*\(\s*1\s*\)$/ })).toBeVisible();
  await teacher.getByRole("link", { name: /^Evaluate Priya .*'s independent study$/ }).click();
  await expect(teacher).toHaveURL(new RegExp(`${agreementUrl}#evaluation$`));

  // The family hears of it by email the same day.
  const mail = await mailTo(ANIL.email, "News about Priya's independent study");
  expect(mail.text).toContain(new URL(agreementUrl, "http://x").pathname);

  const guardian = await sessionOf(browser, ANIL.email);
  await guardian.goto("/notifications");
  await expect(
    guardian.getByRole("link", { name: /Missed assignments reached the limit on .*: an evaluation is due/ }).first(),
  ).toBeVisible();
  await guardian.goto(agreementUrl);
  await expect(guardian.getByRole("alert").filter({ hasText: "Evaluation due" })).toBeVisible();
  await expect(guardian.getByRole("region", { name: "Assign work" })).toHaveCount(0);
  await expect(guardian.getByRole("region", { name: "Record the evaluation" })).toHaveCount(0);
  await expectNoAxeViolations(guardian);

  const evaluation = teacher.getByRole("region", { name: "Record the evaluation" });
  await evaluation.getByLabel("Continue in independent study, with changes").check();
  await evaluation.getByLabel("Notes").fill("Shorter assignments and a daily check-in call.");
  await evaluation.getByRole("button", { name: "Record the evaluation" }).click();
  await expect(evaluation.getByRole("status").filter({ hasText: "independent study continues with changes" })).toBeFocused();
  await expect(work.getByRole("alert").filter({ hasText: "Evaluation due" })).toHaveCount(0);
  await teacher.context().close();

  await guardian.reload();
  const evaluations = guardian.getByRole("region", { name: "Evaluations" });
  await expect(evaluations.getByText("Continue in independent study, with changes")).toBeVisible();
  await expect(evaluations.getByText("Shorter assignments and a daily check-in call.")).toBeVisible();
  await expect(evaluations.getByText(`Recorded by ${TEACHER.name}`)).toBeVisible();
  await expect(guardian.getByRole("alert").filter({ hasText: "Evaluation due" })).toHaveCount(0);
  await expectNoAxeViolations(guardian);
  await guardian.context().close();
});

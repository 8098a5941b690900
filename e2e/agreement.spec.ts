// An independent study agreement in the browser: a student and their teacher draft it for the four
// core subjects; sending an incomplete one is refused element by element; the student, the
// teacher and the guardian each sign in their own session and it becomes active; a change voids
// the signatures and the signed version is still printable with them.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, mailTo, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
// Mateo Rossi (student 5 in prisma/seed/demo.ts, grade 7, English with Linh Nguyen) and his father.
const MATEO = { email: "mateo.rossi@northbrook.test", name: "Mateo Rossi" };
const PAOLO = { email: "paolo.rossi@family.test", name: "Paolo Rossi" };
const TEACHER = DEMO_ACCOUNTS.teacher;
const TITLE = `Learning from home ${run}`;

const ELEMENT = {
  communication: "1. Submitting work, reporting progress and talking with the family",
  study: "2. Objectives, methods of study and evaluation, per subject",
  resources: "3. Resources, materials and people; device and connectivity",
  duration: "5. Duration",
  credits: "6. Credits or other measures of accomplishment, per subject",
  optional: "7. Independent study is optional",
  supports: "8. Supports for students who need them",
  signatures: "9. Who signs",
};
const SUBJECTS = ["English Language Arts", "Math", "Science", "Social Studies"];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let agreementUrl = "";
/** The link in the email asking Mateo's father to sign. */
let agreementLink = "";

/** Each person in their own browser session. */
async function sessionOf(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A PDF's text as a reader would see it (pdf.js). */
async function pdfText(bytes: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages.join(" ").replace(/\s+/g, " ");
}

const element = (page: Page, name: keyof typeof ELEMENT) => page.getByRole("group", { name: ELEMENT[name], exact: true });

test("a student starts an agreement and drafts it with their teacher; sending an incomplete one is refused element by element", async ({
  browser,
}) => {
  const student = await sessionOf(browser, MATEO.email);
  await student.goto("/plans/new");
  await student.getByLabel("Title").fill(TITLE);
  await student.getByLabel("Kind of plan").selectOption({ label: "Independent study plan" });
  const goal = student.getByRole("group", { name: "Goal 1", exact: true });
  await goal.getByLabel("Goal", { exact: true }).fill("Keep up with every core subject while away");
  await goal.getByLabel("Success criteria").fill("Weekly work handed in for each subject");
  await goal.getByLabel("How mastery will be shown").fill("A portfolio per subject");
  await student.getByRole("button", { name: "Save draft" }).click();
  await expect(student.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  await student.getByRole("link", { name: "Independent study agreement" }).click();
  await expect(student.getByRole("heading", { level: 1, name: "Independent study agreement" })).toBeVisible();
  await expectNoAxeViolations(student);
  await student.getByRole("button", { name: "Start the agreement" }).click();
  await expect(student.getByRole("heading", { name: "Write the agreement" })).toBeVisible();
  agreementUrl = new URL(student.url()).pathname;
  // The four core subjects are listed from the start.
  for (const [i, subject] of SUBJECTS.entries()) {
    await expect(student.getByRole("group", { name: `Subject ${i + 1}: ${subject}` })).toBeVisible();
  }
  // Sending is the teacher's.
  await expect(student.getByRole("button", { name: "Send for signatures" })).toHaveCount(0);

  // The student writes how work is handed in, progress reported and the family kept informed.
  for (const [group, manner] of [
    ["Submitting assignments", "Upload to the class page"],
    ["Reporting progress", "Video call with the teacher"],
    ["Communicating with the parent or guardian about academic progress", "Phone call home"],
  ] as const) {
    const g = element(student, "communication").getByRole("group", { name: group });
    await g.getByLabel("Manner", { exact: true }).fill(manner);
    await g.getByLabel("Time", { exact: true }).fill("By 4 pm");
    await g.getByLabel("Frequency", { exact: true }).fill("Weekly");
    await g.getByLabel("Place", { exact: true }).fill("Home");
  }
  await student.getByRole("group", { name: "Subject 1: English Language Arts" }).getByLabel("Objectives").fill("Read two novels");
  await student.getByRole("button", { name: "Save draft" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Saved." })).toBeFocused();
  await student.context().close();

  const teacher = await sessionOf(browser, TEACHER.email);
  await teacher.goto(agreementUrl);
  await expect(teacher.getByRole("heading", { name: "Write the agreement" })).toBeVisible();
  await expect(
    element(teacher, "communication").getByRole("group", { name: "Submitting assignments" }).getByLabel("Manner", { exact: true }),
  ).toHaveValue("Upload to the class page");
  await expectNoAxeViolations(teacher);
  await teacher.getByRole("button", { name: "Send for signatures" }).click();

  const summary = teacher.getByRole("alert").filter({ hasText: "The agreement was not sent" });
  await expect(summary).toBeFocused();
  const refused: [keyof typeof ELEMENT, string][] = [
    ["study", "Give objectives, methods of study and how work is evaluated for"],
    ["resources", "List the resources, materials and people made available."],
    ["duration", "Enter the start and end dates."],
    ["credits", "Enter the credits to be earned for"],
    ["supports", "State the academic and other supports"],
    ["signatures", "Name the supervising teacher."],
  ];
  for (const [key, message] of refused) {
    await expect(element(teacher, key).getByText(message)).toBeVisible();
    await expect(summary.getByRole("link", { name: ELEMENT[key] })).toBeVisible();
  }
  // What the student wrote is complete: no message beside it, and nothing typed was lost.
  await expect(element(teacher, "communication").getByText("Give the manner")).toHaveCount(0);
  await expect(teacher.getByRole("group", { name: "Subject 1: English Language Arts" }).getByLabel("Objectives")).toHaveValue(
    "Read two novels",
  );
  await expectNoAxeViolations(teacher);

  // The teacher completes it: every subject, a resource, the device, dates, supports, who supervises.
  for (const [i, subject] of SUBJECTS.entries()) {
    const row = teacher.getByRole("group", { name: `Subject ${i + 1}: ${subject}` });
    if (i > 0) await row.getByLabel("Objectives").fill(`Keep pace with grade 7 ${subject}`);
    await row.getByLabel("Methods of study").fill("Weekly readings and exercises");
    await row.getByLabel("How the work is evaluated").fill("Rubric-scored work samples");
    await element(teacher, "credits").getByLabel(`Credits for ${subject}`).fill("5");
  }
  // A subject can be added and removed again.
  await teacher.getByRole("button", { name: "Add a subject" }).click();
  await expect(teacher.getByRole("group", { name: "Subject 5: Arts" })).toBeVisible();
  await teacher.getByRole("button", { name: "Remove Arts" }).click();
  await expect(teacher.getByRole("group", { name: "Subject 5: Arts" })).toHaveCount(0);

  await teacher.getByRole("button", { name: "Add a resource" }).click();
  await element(teacher, "resources").getByLabel("Resource 1", { exact: true }).fill("Grade 7 textbooks and a school laptop");
  await teacher.getByLabel("The student has a device").check();
  await teacher.getByLabel("The student has an internet connection").check();
  await expect(element(teacher, "optional").getByLabel("Include this statement in the agreement")).toBeChecked();
  await teacher.getByLabel("Start date").fill(day(28));
  await teacher.getByLabel("End date").fill(day(90));
  await expect(element(teacher, "duration").getByText("so everyone must sign before it starts on")).toBeVisible();
  await teacher
    .getByLabel("Supports available")
    .fill("English learner support, IEP and 504 services, foster and homeless youth liaison, counselling.");
  await teacher.getByLabel("Supervising teacher").selectOption({ label: TEACHER.name });

  // The form on a phone-sized screen: nothing wider than the screen, nothing axe objects to.
  await teacher.setViewportSize({ width: 360, height: 800 });
  expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(teacher);
  await teacher.setViewportSize({ width: 1280, height: 720 });

  await teacher.getByRole("button", { name: "Send for signatures" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Sent for signatures as version 1." })).toBeFocused();
  const signatures = teacher.getByRole("region", { name: "Signatures", exact: true });
  await expect(signatures.getByText("Still to sign: Student, Parent or guardian, Supervising teacher.")).toBeVisible();
  await teacher.context().close();

  // The people asked to sign hear of it by email too, with a link to the agreement and none of its content.
  const mail = await mailTo(PAOLO.email, "Please sign the independent study agreement for Mateo");
  expect(mail.text).toContain(`${TEACHER.name} sent the independent study agreement for Mateo for signatures.`);
  expect(mail.text).not.toContain(TITLE);
  agreementLink = mail.text.match(/https?:\/\/\S+\/agreement/)?.[0] ?? "";
  expect(new URL(agreementLink).pathname).toBe(new URL(agreementUrl, "http://x").pathname);
  await mailTo(MATEO.email, "Please sign your independent study agreement");
});

test("the student, the guardian and the teacher each sign in their own session, and it becomes active", async ({ browser }) => {
  for (const [who, last] of [
    [MATEO, false],
    [PAOLO, false],
    [TEACHER, true],
  ] as const) {
    const page = await sessionOf(browser, who.email);
    // The guardian comes from the email's link.
    await page.goto(who === PAOLO ? agreementLink : agreementUrl);
    const read = page.getByRole("region", { name: "Read and sign" });
    // The whole agreement comes first.
    for (const heading of Object.values(ELEMENT)) await expect(read.getByRole("heading", { name: heading })).toBeVisible();
    await expect(read.getByText("Independent study is optional. No student is required")).toBeVisible();
    await expect(read.getByText("Upload to the class page")).toBeVisible();
    if (who === PAOLO) {
      await read.getByLabel("Your full name").fill("Someone Else");
      await read.getByLabel(/I agree/).check();
      await read.getByRole("button", { name: "Sign" }).click();
      await expect(read.getByText(`Type your full name as your account has it: ${PAOLO.name}.`).first()).toBeVisible();
    }
    await read.getByLabel("Your full name").fill(who.name);
    await read.getByLabel(/I agree/).check();
    await read.getByRole("button", { name: "Sign" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You signed version 1." })).toBeFocused();
    if (last) await expect(page.getByRole("status").filter({ hasText: "Everyone has signed: the agreement is active." })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.context().close();
  }

  const teacher = await sessionOf(browser, TEACHER.email);
  await teacher.goto(agreementUrl);
  await expect(teacher.getByText("Status: Active")).toBeVisible();
  const signatures = teacher.getByRole("region", { name: "Signatures", exact: true });
  await expect(signatures.getByText("Everyone has signed this version.")).toBeVisible();
  for (const name of [MATEO.name, PAOLO.name, TEACHER.name]) await expect(signatures.getByText(`Signed “${name}” on`)).toBeVisible();
  await teacher.context().close();

  // Another family does not find it at all.
  const other = await sessionOf(browser, DEMO_ACCOUNTS.guardian.email);
  expect((await other.request.get(agreementUrl)).status()).toBe(404);
  expect((await other.request.get(`${agreementUrl}/print?revision=1`)).status()).toBe(404);
  await other.context().close();
});

test("a change voids the signatures, and the signed version is still printable with them", async ({ browser }) => {
  const teacher = await sessionOf(browser, TEACHER.email);
  await teacher.goto(agreementUrl);
  await expect(teacher.getByText("Saving a change clears every signature")).toBeVisible();
  await teacher.getByLabel("Supports available").fill("English learner support, IEP and 504 services, a counsellor every week.");
  await teacher.getByRole("button", { name: "Save and send the new version" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "The signatures were cleared and version 2 was sent" })).toBeFocused();
  await expect(teacher.getByText("Status: Awaiting signatures")).toBeVisible();
  const signatures = teacher.getByRole("region", { name: "Signatures", exact: true });
  await expect(signatures.getByText("Still to sign: Student, Parent or guardian, Supervising teacher.")).toBeVisible();
  await expect(signatures.getByText(/Version 1, sent on .*, 3 signatures/)).toBeVisible();

  await signatures.getByRole("link", { name: "Print version 1" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Independent study agreement" })).toBeVisible();
  await expect(teacher.getByText("Version 1 (an earlier version) · Signed by everyone")).toBeVisible();
  for (const text of [MATEO.name, "Grade 7", "Northbrook Community School", "Independent study"]) {
    await expect(teacher.getByText(text, { exact: true }).first()).toBeVisible();
  }
  // What was signed then, not the change since.
  await expect(teacher.getByText("foster and homeless youth liaison", { exact: false })).toBeVisible();
  for (const heading of Object.values(ELEMENT)) await expect(teacher.getByRole("heading", { name: heading })).toBeVisible();
  for (const name of [MATEO.name, PAOLO.name, TEACHER.name]) await expect(teacher.getByText(`Signed “${name}” on`)).toBeVisible();
  await expect(teacher.getByText(/Revision hash/)).toBeVisible();
  await expect(teacher.locator("code").filter({ hasText: /^[0-9a-f]{64}$/ })).toBeVisible();
  await expectNoAxeViolations(teacher);
  // Printed, the app's navigation is gone.
  await teacher.emulateMedia({ media: "print" });
  await expect(teacher.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(teacher.getByRole("button", { name: "Print" })).toBeHidden();
  await teacher.emulateMedia({ media: "screen" });

  // The signed version downloads as a PDF with every element and every signature.
  const pdf = await teacher.request.get(`${agreementUrl}/pdf?revision=1`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await pdf.body());
  for (const heading of Object.values(ELEMENT)) expect(text).toContain(heading);
  for (const words of [MATEO.name, PAOLO.name, TEACHER.name, "Northbrook Community School", "Upload to the class page"])
    expect(text).toContain(words);

  // The latest version prints too, waiting for its signatures.
  await teacher.goto(`${agreementUrl}/print`);
  await expect(teacher.getByText("Version 2 · Not signed by everyone")).toBeVisible();
  await expect(teacher.getByText("a counsellor every week", { exact: false })).toBeVisible();
  await teacher.context().close();
});

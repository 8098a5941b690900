import { expect, test } from "@playwright/test";
import { sendDigestsAt } from "./digests";
import { expectNoAxeViolations, mailTo, signIn } from "./helpers";

// Tomás Herrera (grade 7 at Northbrook, in Ana Ortiz's Spanish class) is this journey's alone
// (prisma/seed/demo.ts): his teacher hears at once when he asks for review; he gets the rest in a
// daily digest, whose unsubscribe link works signed out.
const TOMAS = "tomas.herrera@northbrook.test";
const ANA = "ana.ortiz@northbrook.test";
const STANDARD = "CCSS.ELA-LITERACY.SL.7.4";
const TITLE = "Explained fractions to my cousin";

test.describe.configure({ mode: "serial" });

test("a teacher gets an email at once when a student asks for review, with no content of the record", async ({ page }) => {
  await signIn(page, TOMAS);
  await page.goto("/records/new");
  await page.getByLabel("What did you do?").fill(TITLE);
  await page.getByLabel("What did you do and learn?").fill("Showed him why a half is two quarters with paper strips.");
  await page.getByLabel("Where was it?").selectOption({ label: "At home" });
  await page.getByLabel("Hours").fill("0");
  await page.getByLabel("Minutes").fill("45");
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole("button", { name: "Find standards for this record" }).click();
  await page.getByLabel("Search standards").fill("SL.7.4");
  await page.getByRole("button", { name: `Choose: ${STANDARD}` }).click();
  await page.getByRole("button", { name: "Close the standards search for this record" }).click();
  await page.getByRole("button", { name: "Ask for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your teachers have been asked to review this record." })).toBeFocused();

  const mail = await mailTo(ANA, "A learning record from Tomás is waiting for your review");
  expect(mail.text).toMatch(/\/records\/[a-z0-9]+/);
  expect(mail.text).not.toContain(TITLE);
  expect(mail.text).toContain("/unsubscribe?");
});

test("a student's daily digest lists what came, and its unsubscribe link works signed out", async ({ page, browser, request }) => {
  // The hourly job's work, at tomorrow's sending hour: everything waiting goes out.
  const tomorrow = new Date(Date.now() + 86_400_000);
  await sendDigestsAt(new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 20)));
  const digest = await mailTo(TOMAS, /^Your daily Pathways digest: \d+ updates?$/);
  expect(digest.text).toContain("Comments and replies: 1 (about you)");
  expect(digest.text).not.toContain("Nice strategy"); // what the teacher wrote stays behind sign-in
  const link = digest.text.match(/"comments and replies", open: (\S+)/)?.[1];
  expect(link).toBeDefined();
  const url = new URL(link ?? "");

  // Signed out, in a browser with no session: one click turns that kind off, and can be undone.
  const stranger = await browser.newContext();
  const signedOut = await stranger.newPage();
  await signedOut.goto(url.pathname + url.search);
  await expect(signedOut.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expect(signedOut.getByText("You will no longer get emails about “comments and replies”.")).toBeVisible();
  await expectNoAxeViolations(signedOut);
  await signedOut.getByRole("button", { name: "Turn these emails back on" }).click();
  await expect(signedOut.getByRole("status").filter({ hasText: "back on" })).toBeFocused();
  await signedOut.goto(url.pathname + url.search);
  await expect(signedOut.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  // A link changed by hand does nothing.
  await signedOut.goto(url.pathname + url.search.replace(/s=[^&]+/, "s=forged"));
  await expect(signedOut.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await stranger.close();

  // A mail program's own one-click button posts to the header's address.
  const header = digest.headers?.["list-unsubscribe"];
  if (header) {
    const oneClick = new URL(header.replace(/^<|>$/g, ""));
    const answer = await request.post(oneClick.pathname + oneClick.search, { form: { "List-Unsubscribe": "One-Click" } });
    expect(answer.status()).toBe(200);
  }
  const forged = await request.post(`/api/unsubscribe${url.search.replace(/s=[^&]+/, "s=forged")}`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(forged.status()).toBe(400);

  // Signed in, the choice shows, and the others can be changed.
  await signIn(page, TOMAS);
  await page.goto("/account");
  await page.getByRole("link", { name: "Choose your email" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email from Pathways" })).toBeVisible();
  const comments = page.getByRole("group", { name: "Comments and replies" });
  await expect(comments.getByRole("radio", { name: "Off" })).toBeChecked();
  await page.getByRole("group", { name: "Ratings of evidence and learning records" }).getByRole("radio", { name: "Weekly digest" }).check();
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your email choices are saved." })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(
    page.getByRole("group", { name: "Ratings of evidence and learning records" }).getByRole("radio", { name: "Weekly digest" }),
  ).toBeChecked();
});

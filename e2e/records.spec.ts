import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

// Liam Walsh (student 3 of Northbrook Community School) records learning from his phone;
// his guardian Sean Walsh reads it; Sofia Alvarez (student 4) cannot find it. No other
// journey signs in as them (prisma/seed/demo.ts).
const LIAM = "liam.walsh@northbrook.test";
const SEAN = "sean.walsh@family.test";
const SOFIA = "sofia.alvarez@northbrook.test";
const TITLE = "Fixed bikes at the community repair café";
const STANDARD = "CCSS.ELA-LITERACY.SL.7.4";
const PHOTO = path.join(import.meta.dirname, "fixtures", "record-photo.png");

async function fitsThePhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);
}

test.describe.configure({ mode: "serial" });
let recordUrl = "";
let photoUrl = "";

test("a student records learning with a photo from a phone, links a standard and asks for review", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, LIAM);
  await page.goto("/records");
  await expect(page.getByRole("heading", { level: 1, name: "Learning records" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Record learning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record learning" })).toBeVisible();
  await fitsThePhone(page);
  await expectNoAxeViolations(page);

  // A phone offers its camera for the photo button.
  await expect(page.getByLabel("Take a photo")).toHaveAttribute("capture", "environment");
  // Saving with nothing typed shows the messages beside the fields.
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByText("Give the record a title.")).toBeVisible();
  await expect(page.getByLabel("What did you do?")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("What did you do?").fill(TITLE);
  await page.getByLabel("What did you do and learn?").fill("Trued two wheels and explained to the volunteers how spoke tension works.");
  await page.getByLabel("Where was it?").selectOption({ label: "In the community" });
  await page.getByLabel("Place (optional)").fill("Northbrook Repair Café");
  await page.getByLabel("Hours").fill("1");
  await page.getByLabel("Minutes").fill("30");
  await page.getByLabel("With whom? (optional)").fill("Two volunteer mechanics");
  await page.getByLabel("Choose photos or files").setInputFiles(PHOTO);
  await expect(page.getByRole("list", { name: "Chosen files" })).toContainText("record-photo.png");
  // Removing a chosen file keeps focus in the chooser; the same photo can be chosen again.
  await page.getByRole("button", { name: "Remove record-photo.png" }).click();
  await expect(page.getByRole("list", { name: "Chosen files" })).toHaveCount(0);
  await expect(page.getByLabel("Choose photos or files")).toBeFocused();
  await page.getByLabel("Choose photos or files").setInputFiles(PHOTO);
  await expect(page.getByRole("list", { name: "Chosen files" })).toContainText("record-photo.png");
  await page.getByRole("button", { name: "Save record" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your record is saved." })).toBeFocused();
  recordUrl = new URL(page.url()).pathname;
  expect(recordUrl).toMatch(/^\/records\/[a-z0-9]+$/);
  const photo = page.getByRole("img", { name: "Photo: record-photo.png" });
  await expect(photo).toBeVisible();
  // The photo arrives through the access-checked route, after the page: wait for it to load.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  photoUrl = (await photo.getAttribute("src")) ?? "";
  await expect(page.getByText("1 h 30 min")).toBeVisible();
  await fitsThePhone(page);
  await expectNoAxeViolations(page);

  // Review needs a standard first: the message says so.
  await page.getByRole("button", { name: "Ask for review" }).click();
  await expect(page.getByText("Link at least one standard that this learning shows, then ask for review.")).toBeVisible();

  await page.getByRole("button", { name: "Find standards for this record" }).click();
  await page.getByLabel("Search standards").fill("SL.7.4");
  await page.getByRole("button", { name: `Choose: ${STANDARD}` }).click();
  await expect(page.getByRole("button", { name: `Remove ${STANDARD} from this record` })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Linked ${STANDARD.replace(/\./g, "\\.")} · Liam Walsh`))).toBeVisible();
  await page.getByRole("button", { name: "Close the standards search for this record" }).click();

  await page.getByRole("button", { name: "Ask for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your teachers have been asked to review this record." })).toBeFocused();
  await expect(page.getByText(/^Review asked on /)).toBeVisible();
  await fitsThePhone(page);
  await expectNoAxeViolations(page);

  // An attachment is removed in two steps, and the result takes focus.
  const LINK = "https://example.org/spoke-tension";
  await page.getByLabel("Links (optional)").fill(LINK);
  await page.getByRole("button", { name: "Add to record" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 attachment." })).toBeFocused();
  await page.getByRole("button", { name: `Remove ${LINK}` }).click();
  await expect(page.getByText(`Remove the link “${LINK}” from this record?`)).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Removed “${LINK}”.` })).toBeFocused();
  await expect(page.getByRole("link", { name: new RegExp(LINK) })).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Photo: record-photo.png" })).toBeVisible();

  await page.goto("/records");
  await expect(page.getByRole("list", { name: "My learning records" }).getByRole("link", { name: TITLE })).toBeVisible();
});

test("his teacher rates it from the queue on her home", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.teacher.email);
  await page.goto("/teacher");
  const item = page.getByRole("article", { name: TITLE });
  await expect(item).toContainText("Liam Walsh");
  await expect(item).toContainText(STANDARD);
  await item.getByRole("button", { name: `Rate “${TITLE}” by Liam Walsh on ${STANDARD}` }).click();
  const form = page.getByRole("form", { name: `Rate “${TITLE}” by Liam Walsh on ${STANDARD}` });
  await form.getByRole("radio").nth(1).check();
  await form.getByLabel("Feedback for the student").fill("Clear steps, well explained to the volunteers.");
  await form.getByRole("button", { name: /^Save rating/ }).click();
  await expect(item).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the student's guardian reads the record, with its photo, and cannot change it", async ({ page }) => {
  expect(recordUrl).not.toBe("");
  await signIn(page, SEAN);
  await page.goto("/family");
  await page.getByRole("link", { name: "Learning records of Liam Walsh" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Liam Walsh’s learning records" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${recordUrl}$`));
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("img", { name: "Photo: record-photo.png" })).toBeVisible();
  await expect(page.getByText(/^Review asked on /)).toBeVisible();
  await expect(page.getByText(STANDARD, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit record" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete record" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("another student cannot find the record: not in their list, and its address is not found", async ({ page }) => {
  expect(recordUrl).not.toBe("");
  await signIn(page, SOFIA);
  await page.goto("/records");
  await expect(page.getByRole("heading", { level: 1, name: "Learning records" })).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
  expect((await page.goto(recordUrl))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  expect(photoUrl).toMatch(/^\/api\/records\/attachments\/[a-z0-9]+\/file$/);
  expect((await page.request.get(photoUrl)).status()).toBe(404);
});

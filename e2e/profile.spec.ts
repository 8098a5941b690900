// A learner profile in the student's words: Ruby edits hers (UDL choices and her own
// text), the history shows the change; her teacher reads it and comments; Ruby sees it.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const RUBY = "ruby.hughes@northbrook.test";
const SOFIA = "sofia.garcia@northbrook.test";
const STAMP = Date.now().toString(36);
const GOAL = `Design a safe bike trail map ${STAMP}`;
const COMMENT = `Your trail map idea could be a great science project, Ruby! ${STAMP}`;

test("Ruby edits her learner profile and the history shows what changed", async ({ page }) => {
  await signIn(page, RUBY);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My learner profile" })).toBeVisible();
  await expect(page.getByText("This is your voice, not a label.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("group", { name: "I stay interested when…" }).getByLabel("the problem is real and matters to people").check();
  await page.getByRole("group", { name: "I understand new things best by…" }).getByLabel("looking at diagrams, maps or pictures").check();
  const showing = page.getByRole("group", { name: "I like to show what I know by…" });
  await showing.getByLabel("building or making something").check();
  await showing.getByLabel("drawing or designing").check();
  await page.getByRole("group", { name: "Where I like to learn" }).getByLabel("In the community").check();
  await page.getByLabel("Goals I care about").fill(GOAL);
  await page.getByLabel("In my own words, I learn best when…").fill("I can sketch my ideas before I write.");
  await page.getByRole("button", { name: "Save my profile" }).click();

  // Focus lands on the result, so keyboard and screen-reader users know it worked.
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeFocused();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText(GOAL)).toBeVisible();
  await expect(history.getByText("Added: building or making something, drawing or designing")).toBeVisible();
  await expect(history.getByText("As it was when history began", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // What was saved is what the form shows after a reload.
  await page.reload();
  await expect(page.getByLabel("Goals I care about")).toHaveValue(GOAL);
  await expect(showing.getByLabel("drawing or designing")).toBeChecked();

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
});

test("her teacher reads it on Ruby's page, with its history, and comments", async ({ page }) => {
  await signIn(page, SOFIA);
  await page.getByRole("link", { name: "Ruby Hughes" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ruby Hughes" })).toBeVisible();
  const profile = page.getByRole("region", { name: "Learner profile" });
  await expect(profile.getByText(GOAL)).toBeVisible();
  await expect(profile.getByText("drawing or designing")).toBeVisible();
  await expect(page.getByRole("region", { name: "Profile history" }).getByText(GOAL)).toBeVisible();
  // Read-only for the teacher: no form fields of the profile.
  await expect(page.getByRole("button", { name: "Save my profile" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The comment form opens on demand, with focus in the comment.
  await page.getByRole("button", { name: "Write a comment" }).click();
  await expect(page.getByLabel("Comment on this profile")).toBeFocused();
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Write a comment first.")).toBeVisible();
  await page.getByLabel("Comment on this profile").fill(COMMENT);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment posted." })).toBeFocused();
  await expect(page.getByRole("region", { name: "Teachers’ comments on the profile" }).getByText(COMMENT)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Ruby is told, and sees the comment on her profile", async ({ page }) => {
  await signIn(page, RUBY);
  await page.getByRole("link", { name: /Notifications/ }).click();
  await page.getByRole("link", { name: "Sofia Garcia commented on your learner profile" }).first().click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("region", { name: "Comments from my teachers" }).getByText(COMMENT)).toBeVisible();
  await expectNoAxeViolations(page);
});

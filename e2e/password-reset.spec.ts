import { expect, test } from "@playwright/test";
import { RESET_LINK_SENT } from "../lib/auth/password-reset-schema";
import { readE2eMail } from "../scripts/lib/e2e-mail";
import { expectNoAxeViolations, signIn } from "./helpers";

// A Riverside student of the demo seed whom no other journey signs in as: this one changes
// their password for the rest of the run.
const EMAIL = "elif.aydin@riverside.test";
const NEW_PASSWORD = "otters build dams in spring";

/** The link in the newest message to this address, once the app's mail server has it. */
async function linkMailedTo(email: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const mail = (await readE2eMail()).filter((m) => m.to.includes(email)).at(-1);
        link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}

test("a user resets a forgotten password from the email and signs in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(RESET_LINK_SENT);
  await expectNoAxeViolations(page);

  const link = await linkMailedTo(EMAIL);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill("otters build dams in autumn");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);

  await signIn(page, EMAIL, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/student$/);

  // The link worked once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
});

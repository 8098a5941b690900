import { expect, test, type Browser } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";
import { IDP_NAME } from "./sso-accounts";

async function signInThroughIdp(page: import("@playwright/test").Page, login: string) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${IDP_NAME}` }).click();
  // The identity provider's own (development) screens.
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("whatever the school uses");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function newSignedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

test("a teacher signs in with the school's account through a real OpenID Connect provider", async ({ page }) => {
  await signInThroughIdp(page, "linh-sso");
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("cell", { name: /School account.*this browser/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("someone the roster does not know, or whose email the provider has not verified, gets no account", async ({ page }) => {
  for (const login of ["visitor-sso", "linh-unverified"]) {
    await signInThroughIdp(page, login);
    await expect(page.getByRole("heading", { name: "Your school has not given you access to Pathways" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/teacher");
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("after 10 failed sign-ins the account cools down with a clear message", async ({ browser }) => {
  // Its own address, so the cool-down does not reach the other journeys' sign-ins.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${Date.now() % 200}` } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const email = DEMO_ACCOUNTS.elementaryTeacher.email;
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`a wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText(/do not match an active account|Too many attempts/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Too many attempts to sign in. Wait 15 minutes, then try again.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("signing out ends the session for real: the old cookie is refused", async ({ page, browser }) => {
  await signIn(page, DEMO_ACCOUNTS.student.email);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/student");
  await expect(replayed).toHaveURL(/\/sign-in/);
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  await replay.close();
});

test("signing out everywhere ends every session; what a person was typing stays on the page", async ({ browser }) => {
  const laptop = await newSignedInPage(browser, DEMO_ACCOUNTS.student.email);
  await laptop.getByRole("table", { name: "My plans" }).getByRole("link").first().click();
  await laptop.getByRole("button", { name: "Write a comment" }).click();
  await laptop.getByLabel("Add a comment").fill("A thought I do not want to lose");

  const phone = await newSignedInPage(browser, DEMO_ACCOUNTS.student.email);
  await phone.getByRole("link", { name: "Your account" }).click();
  await phone.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(phone.getByRole("status")).toHaveText("You were signed out on every device.");

  await laptop.getByRole("button", { name: "Post comment" }).click();
  await expect(laptop.getByRole("alert").first()).toContainText("Your session has ended");
  await expect(laptop.getByLabel("Add a comment")).toHaveValue("A thought I do not want to lose");
  await laptop.context().close();
  await phone.context().close();
});

test("changing one's password signs out the other devices and keeps this one", async ({ browser }) => {
  const email = DEMO_ACCOUNTS.guardian.email;
  const other = await newSignedInPage(browser, email);
  const page = await newSignedInPage(browser, email);
  const change = async (from: string, to: string) => {
    await page.goto("/account");
    await page.getByLabel("Current password").fill(from);
    await page.getByLabel("New password", { exact: true }).fill(to);
    await page.getByLabel("New password again").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toHaveText("Your password was changed. Every other device was signed out.");
    await expect(page.getByRole("status")).toBeFocused();
  };
  await page.goto("/account");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expectNoAxeViolations(page);

  await change(DEMO_PASSWORD, "a much longer family password");
  await expectNoAxeViolations(page);
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/family");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Put the demo password back for the other journeys.
  await change("a much longer family password", DEMO_PASSWORD);
  await page.context().close();
  await other.context().close();
});

test("the app trusts only its configured address, whatever X-Forwarded-Host says", async ({ request, baseURL }) => {
  const forged = await request.post("/sign-in", {
    headers: { "Next-Action": "0".repeat(42), Origin: "http://evil.test", "X-Forwarded-Host": "evil.test", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(forged.status()).toBe(403);
  const providers = await request.get("/api/auth/providers", {
    headers: { "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "https" },
  });
  const body = (await providers.json()) as Record<string, { callbackUrl: string; signinUrl: string }>;
  expect(body.oidc?.callbackUrl).toBe(`${baseURL}/api/auth/callback/oidc`);
  expect(body.credentials?.signinUrl.startsWith(`${baseURL}/`)).toBe(true);
});

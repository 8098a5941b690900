// Issue 10: a district admin connects a learning app to Northbrook Community School and copies its
// key and secret (shown once); the app sends a "completed" statement for Owen Fischer (a demo
// student no other journey uses), Owen accepts the suggestion it became, and once the admin
// revokes the tool its next statement is refused.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";
import { expectNoAxeViolations, signIn } from "./helpers";

const OWEN = "owen.fischer@northbrook.test";
const SCHOOL = "Northbrook Community School";

async function fitsAPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // What sticks out (outside any scrolling box), named in the failure.
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean =>
      e !== null &&
      e !== document.body &&
      (["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return [...document.querySelectorAll("body *")]
      .filter(
        (e) => e.getBoundingClientRect().right > width + 1 && (getComputedStyle(e).position === "absolute" || !scrolls(e.parentElement)),
      )
      .slice(-4)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 80)}`);
  });
  expect(overflow, `the page scrolls sideways at 360 px: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a connected tool's statement becomes a suggestion the student accepts, until the tool is revoked", async ({ page, request }) => {
  const run = randomUUID().slice(0, 6);
  const toolName = `Owl Reader ${run}`;
  const activityName = `Owl Moon reading quiz ${run}`;

  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.getByRole("link", { name: "Connected tools" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Connected tools" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A mistake is explained beside the field and nothing is created.
  await page.getByRole("button", { name: "Connect tool" }).click();
  await expect(page.getByLabel("Tool name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Tool name").fill(toolName);
  await page.getByLabel("School").selectOption({ label: SCHOOL });
  await page.getByRole("button", { name: "Connect tool" }).click();
  const shown = page.getByRole("status").filter({ hasText: "Copy its secret now" });
  await expect(shown).toBeFocused();
  await expect(shown).toContainText("This is the only time the secret is shown");
  const key = (await page.getByTestId("tool-key").textContent())?.trim() ?? "";
  const secret = (await page.getByTestId("tool-secret").textContent())?.trim() ?? "";
  expect(key).toMatch(/^pw_/);
  expect(secret.length).toBeGreaterThan(20);
  await expectNoAxeViolations(page);
  await fitsAPhone(page);

  // Once dismissed (or the page reloaded), the secret is gone for good; the tool is listed.
  await page.getByRole("button", { name: "I have copied the secret" }).click();
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: toolName });
  await expect(row).toContainText(SCHOOL);
  await expect(row).toContainText("Never");

  // The tool sends a completion for Owen, as an xAPI client does.
  const headers = {
    Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
  };
  const statement = {
    actor: { objectType: "Agent", name: "Owen Fischer", mbox: `mailto:${OWEN}` },
    verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
    object: {
      objectType: "Activity",
      id: `https://owl-reader.example/quizzes/${run}`,
      definition: { name: { "en-US": activityName }, description: { "en-US": "Ten questions about Owl Moon." } },
    },
    result: { score: { scaled: 0.9, raw: 9, max: 10 }, success: true, completion: true, duration: "PT12M" },
  };
  const sent = await request.post("/api/xapi/statements", { headers, data: statement });
  expect(sent.status()).toBe(200);
  expect(sent.headers()["x-experience-api-version"]).toBe("1.0.3");
  const [statementId] = (await sent.json()) as string[];
  const readBack = await request.get(`/api/xapi/statements?statementId=${statementId}`, { headers });
  expect(readBack.status()).toBe(200);

  // Owen finds it among his suggestions and accepts it.
  await signIn(page, OWEN);
  await page.goto("/records");
  await expect(page.getByText("Suggested by your learning apps")).toBeVisible();
  await expect(page.getByText(activityName)).toBeVisible();
  await expect(page.getByText("Score 90% (9 of 10). Passed. Completed. Time: 12 minutes.")).toBeVisible();
  await page.getByRole("button", { name: `Accept ${activityName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The suggestion is now one of your records." })).toBeFocused();
  await expect(page.getByRole("list", { name: "My learning records" }).getByRole("link", { name: activityName })).toBeVisible();

  // The admin revokes the tool (after confirming); its next statement is refused.
  await signIn(page, DEMO_ACCOUNTS.districtAdmin.email);
  await page.goto("/admin/tools");
  await page
    .getByRole("row")
    .filter({ hasText: toolName })
    .getByRole("button", { name: `Revoke ${toolName}` })
    .click();
  await page.getByRole("button", { name: `Yes, revoke ${toolName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The tool was revoked." })).toBeFocused();
  await expect(page.getByRole("row").filter({ hasText: toolName })).toContainText("Revoked");
  await expectNoAxeViolations(page);
  const refused = await request.post("/api/xapi/statements", { headers, data: statement });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Basic /);
});

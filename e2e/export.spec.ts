// A student's data on request: Aisha Rahman's guardian opens "Who opened records", downloads
// everything about her as one ZIP, and the archive holds the README and her plans.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectNoAxeViolations, signIn } from "./helpers";

const AISHA = "Aisha Rahman";
const GUARDIAN = "farida.rahman@family.test";

test("a guardian downloads everything about her child", async ({ page }) => {
  await signIn(page, GUARDIAN);
  await page.getByRole("link", { name: `Who opened records of ${AISHA}` }).click();
  await expect(page.getByRole("heading", { name: `Who opened ${AISHA}’s records` })).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: `Download everything about ${AISHA}` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pathways-export-aisha-rahman-\d{4}-\d{2}-\d{2}\.zip$/);
  const archive = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(strFromU8(archive["README.txt"]!)).toContain(`EVERYTHING ABOUT ${AISHA.toUpperCase()}`);
  const { plans } = JSON.parse(strFromU8(archive["plans.json"]!)) as { plans: { status: string; submittedAt: string | null }[] };
  expect(plans.length).toBeGreaterThan(0);
  // The guardian's archive holds no draft Aisha never submitted.
  expect(plans.every((p) => p.status !== "DRAFT" || p.submittedAt)).toBe(true);

  // A teacher is refused the download.
  const exportPath = new URL(
    (await page.getByRole("link", { name: `Download everything about ${AISHA}` }).getAttribute("href"))!,
    page.url(),
  );
  await signIn(page, "linh.nguyen@northbrook.test");
  const refused = await page.request.get(exportPath.toString());
  expect(refused.status()).toBe(404);
});

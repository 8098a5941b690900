import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";
import { sendDigestsAt } from "./digests";
import { expectNoAxeViolations, mailTo } from "./helpers";

// Lucía Herrera reads Pathways in Spanish (her choice is saved on her account, prisma/seed/demo.ts);
// her son Tomás's plan was approved and waits for her to acknowledge it, and the news waits for her
// daily digest. Claire Moreau (a guardian no other journey uses) starts in English and switches.
const LUCIA = "lucia.herrera@family.test";
const CLAIRE = "claire.moreau@family.test";
/** A Spanish medium date ("23 nov 2026"). */
const SPANISH_DAY = /\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}/;

/** Signs in from an English sign-in page; `signOut` is the header's button in the language the person reads. */
async function signIn(page: Page, email: string, signOut: string) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: signOut })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("a Spanish-speaking guardian sees the family pages and an email in Spanish", async ({ page, browser }) => {
  await signIn(page, LUCIA, "Cerrar sesión");
  await page.goto("/family");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Tomás Herrera" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Lo que necesita tu atención" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Próximas fechas" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Crecimiento en los estándares" })).toBeVisible();
  await expect(page.getByText("El plan “Cooking across cultures” de Tomás fue aprobado", { exact: false })).toBeVisible();
  await expect(page.locator("#upcoming-heading").locator("..")).toContainText(SPANISH_DAY);
  await expect(page.getByText("Plan ends")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The child's own page.
  await page.getByRole("link", { name: "Página de Tomás Herrera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tomás Herrera" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Perfil de aprendizaje" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Planes" })).toBeVisible();
  await expect(page.getByText(/último cambio: /)).toContainText(SPANISH_DAY);
  await expectNoAxeViolations(page);

  // Who opened his records.
  await page.goto("/family");
  await page.getByRole("link", { name: "Quién abrió los registros de Tomás Herrera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quién abrió los registros de Tomás Herrera" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The plan, where she confirms she has read it.
  await page.goto("/family");
  await page.getByRole("link", { name: "Leer el plan y confirmar la lectura" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Confirmación de la familia" })).toBeVisible();
  await page.getByRole("button", { name: "Leí este plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Gracias\. Confirmaste que leíste la versión \d+ de este plan/ })).toBeFocused();
  await expect(page.getByText(/^Confirmaste la lectura de la versión \d+ el /)).toContainText(SPANISH_DAY);
  await expectNoAxeViolations(page);

  // Her daily digest, in Spanish: the hourly job's work at tomorrow's sending hour.
  const tomorrow = new Date(Date.now() + 86_400_000);
  await sendDigestsAt(new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 20)));
  const digest = await mailTo(LUCIA, /^Tu resumen diario de Pathways: \d+ novedad(es)?$/);
  expect(digest.text).toContain("Hola, Lucía Herrera:");
  expect(digest.text).toContain("- Planes enviados, aprobados o con otros cambios de estado: 1 (sobre Tomás)");
  expect(digest.text).toContain('Para dejar de recibir correos sobre "planes enviados, aprobados o con otros cambios de estado", abre: ');
  expect(digest.text).not.toMatch(/Hello|Sign in|You get this/);
  expect(digest.text).not.toContain("Cooking across cultures"); // what the plan says stays behind sign-in

  // Its unsubscribe link, opened signed out in a Spanish-speaking browser.
  const link = new URL(digest.text.match(/abre: (\S+\/unsubscribe\?\S+)/)?.[1] ?? "");
  const spanish = await browser.newContext({ locale: "es-MX" });
  const signedOut = await spanish.newPage();
  await signedOut.goto(link.pathname + link.search);
  await expect(signedOut.locator("html")).toHaveAttribute("lang", "es");
  await expect(signedOut.getByRole("heading", { level: 1, name: "Cancelaste la suscripción" })).toBeVisible();
  await expect(
    signedOut.getByText("Ya no recibirás correos sobre “planes enviados, aprobados o con otros cambios de estado”.", { exact: false }),
  ).toBeVisible();
  await expectNoAxeViolations(signedOut);
  await spanish.close();
});

test("the sign-in page follows the browser's language", async ({ browser }) => {
  const spanish = await browser.newContext({ locale: "es-ES" });
  const page = await spanish.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectNoAxeViolations(page);
  await spanish.close();

  const english = await browser.newContext({ locale: "en-US" });
  const other = await english.newPage();
  await other.goto("/sign-in");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await english.close();
});

test("a guardian switches to Español from the header and back, and the choice stays with them", async ({ page }) => {
  await signIn(page, CLAIRE, "Sign out");
  await page.goto("/family");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "What needs you" })).toBeVisible();

  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Lo que necesita tu atención" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Saved on her account: a new session, with no cookie of this browser's, is still in Spanish.
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await signIn(page, CLAIRE, "Cerrar sesión");
  await page.goto("/family");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Lo que necesita tu atención" })).toBeVisible();

  await page.getByRole("form", { name: "Idioma" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "What needs you" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, CLAIRE, "Sign out");
  await page.goto("/family");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

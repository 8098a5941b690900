// The permission matrix over HTTP (issue 11): every page and route handler of the app, GET as
// every kind of caller, answers what test/permission-matrix/routes.ts says (200, 404, 403, 401,
// sent to sign in, or sent home). test/permission-matrix/coverage.test.ts fails when a page or
// route has no row there.
//
// Callers from the demo district, chosen among people no other journey changes the access of:
// Maya (the demo student), Theo (grade 8, in none of her classes), Wei (her father), Renee
// (Jonah's mother, nothing to Maya), Linh (Maya's English teacher), Sofia Garcia (grade 8 only),
// Alex (the Northbrook admin), Morgan (the district admin). The setup adds a Riverside admin and a
// Northbrook teacher, signs both in, then disables the teacher: their session stays in the cookie jar.
import { randomUUID } from "node:crypto";
import { expect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/accounts";
import { readE2eMail } from "../scripts/lib/e2e-mail";
import { KINDS, type Kind } from "../test/permission-matrix/kinds";
import { PAGE_ROWS, ROUTE_ROWS, type Expect } from "../test/permission-matrix/routes";
import { signIn } from "./helpers";

const EMAILS: Record<Exclude<Kind, "anonymous" | "otherAdmin" | "disabled">, string> = {
  student: DEMO_ACCOUNTS.student.email,
  otherStudent: "theo.baker@northbrook.test",
  guardian: DEMO_ACCOUNTS.guardian.email,
  otherGuardian: "renee.brooks@family.test",
  teacher: DEMO_ACCOUNTS.teacher.email,
  otherTeacher: DEMO_ACCOUNTS.scienceTeacher.email,
  admin: DEMO_ACCOUNTS.admin.email,
  districtAdmin: DEMO_ACCOUNTS.districtAdmin.email,
};
const suffix = randomUUID().slice(0, 6);
const NEW_PASSWORD = "matrix passwords are long";

test.describe.configure({ timeout: 240_000 });

/** Waits until React has taken over this control: text typed before it hydrates is lost. */
async function hydrated(page: Page, label: string, exact = false) {
  const control = page.getByLabel(label, { exact });
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$")))).toBe(true);
  return control;
}

/** The district admin adds a person; they set their password from the mailed link. Returns their id. */
async function addPerson(admin: Page, browser: Browser, who: { name: string; email: string; role: string; school: string }) {
  await admin.goto("/admin/people/new");
  await (await hydrated(admin, "Full name")).fill(who.name);
  await admin.getByLabel("Email", { exact: true }).fill(who.email);
  await admin.getByLabel("Role").selectOption({ label: who.role });
  await admin.getByLabel("School").selectOption({ label: who.school });
  await admin.getByRole("button", { name: "Add person" }).click();
  await expect(admin.getByRole("heading", { name: who.name })).toBeVisible();
  const id = admin.url().match(/\/admin\/people\/([^/?#]+)/)?.[1];
  let link = "";
  await expect
    .poll(
      async () =>
        (link =
          (await readE2eMail())
            .filter((m) => m.to.includes(who.email))
            .at(-1)
            ?.text.match(/https?:\/\/\S+/)?.[0] ?? ""),
      {
        timeout: 20_000,
      },
    )
    .not.toBe("");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await context.close();
  if (!id) throw new Error(`No id for ${who.name}`);
  return id;
}

/** A signed-in browser page and the API context sharing its cookies (redirects not followed). */
async function sessionOf(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}
async function apiOf(baseURL: string, page: Page | null): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: page ? await page.context().storageState() : undefined, maxRedirects: 0 });
}

/** The id at the end of the first link matching `name` on `path`. */
async function idFrom(page: Page, path: string, name: string | RegExp, prefix: string) {
  await page.goto(path);
  const href = await page
    .getByRole("link", { name, exact: typeof name === "string" })
    .first()
    .getAttribute("href");
  const id = href?.startsWith(prefix) ? href.slice(prefix.length).split(/[/?#]/)[0] : undefined;
  if (!id) throw new Error(`No link “${String(name)}” to ${prefix}… on ${path} (found ${href})`);
  return id;
}
async function idByHref(page: Page, path: string, prefix: string) {
  await page.goto(path);
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const id = hrefs.map((h) => h.slice(prefix.length).split(/[/?#]/)[0]).find((x) => x && x !== "new");
  if (!id) throw new Error(`No link to ${prefix}… on ${path}`);
  return id;
}

function answerOf(status: number, location: string | undefined): Expect | number | string {
  if (status >= 300 && status < 400) return new URL(location ?? "/", "http://x").pathname.startsWith("/sign-in") ? "sign-in" : "home";
  return status;
}

test("every page and route answers every kind of caller as the matrix says", async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error("No baseURL");
  const pages: Partial<Record<Kind, Page>> = {};
  for (const [kind, email] of Object.entries(EMAILS) as [Kind, string][]) pages[kind] = await sessionOf(browser, email);
  const district = pages.districtAdmin!;
  const otherAdmin = { name: `Riley Riverside ${suffix}`, email: `riley.${suffix}@riverside.test` };
  const leaving = { name: `Dana Disabled ${suffix}`, email: `dana.${suffix}@northbrook.test` };
  await addPerson(district, browser, { ...otherAdmin, role: "Admin", school: "Riverside Elementary School" });
  const leavingId = await addPerson(district, browser, { ...leaving, role: "Teacher", school: "Northbrook Community School" });
  pages.otherAdmin = await sessionOf(browser, otherAdmin.email, NEW_PASSWORD);
  pages.disabled = await sessionOf(browser, leaving.email, NEW_PASSWORD);
  const disabledState = await pages.disabled.context().storageState();
  await district.goto(`/admin/people/${leavingId}`);
  await district.getByRole("button", { name: "Disable account" }).click();
  await district.getByRole("button", { name: "Disable account" }).last().click();
  await expect(district.getByText(`${leaving.name}'s account is disabled`)).toBeVisible();

  // Concrete ids from the demo data, found through the pages as someone who may see them.
  const maya = pages.student!;
  const ids: Record<string, string> = {
    nothing: "no-such-record",
    student: await idFrom(
      pages.admin!,
      `/admin/people?q=${encodeURIComponent(DEMO_ACCOUNTS.student.name)}`,
      DEMO_ACCOUNTS.student.name,
      "/admin/people/",
    ),
    plan: await idFrom(maya, "/student", "Our river, our town", "/plans/"),
    studyPlan: await idFrom(maya, "/student", "Spring trip independent study", "/plans/"),
    record: await idFrom(maya, "/records", "Tide pool survey with the nature center", "/records/"),
    class: await idFrom(pages.admin!, `/admin/classes?q=${encodeURIComponent("Grade 7 English")}`, "Grade 7 English", "/admin/classes/"),
    course: await idFrom(pages.admin!, "/admin/classes/courses", "English 7", "/admin/classes/courses/"),
    term: await idByHref(pages.admin!, "/admin/classes/terms", "/admin/classes/terms/"),
    // The district's default scale: its id is scale_<district id>.
    scale: `scale_${await idByHref(pages.admin!, "/admin/mastery", "/admin/mastery/scales/scale_")}`,
    framework: await idByHref(pages.admin!, "/admin/standards", "/admin/standards/"),
    template: await idFrom(pages.teacher!, "/templates", "Grade 7 reading and writing", "/templates/"),
  };
  // Northbrook: the one organization on its admin's settings page that is not the district.
  await pages.admin!.goto("/admin/independent-study");
  const orgs = await pages
    .admin!.locator('a[href*="organization="]')
    .evaluateAll((as) => as.map((a) => new URL(a.getAttribute("href") ?? "", "http://x").searchParams.get("organization") ?? ""));
  const school = orgs.find((o) => o && `scale_${o}` !== ids.scale);
  if (!school) throw new Error("No school id on /admin/independent-study");
  ids.school = school;

  const api: Record<Kind, APIRequestContext> = {} as Record<Kind, APIRequestContext>;
  for (const kind of KINDS) {
    if (kind === "disabled") api[kind] = await request.newContext({ baseURL, storageState: disabledState, maxRedirects: 0 });
    else api[kind] = await apiOf(baseURL, pages[kind] ?? null);
  }

  const mismatches: string[] = [];
  const actual: Record<string, Record<string, unknown>> = {};
  for (const [pattern, row] of Object.entries({ ...PAGE_ROWS, ...ROUTE_ROWS })) {
    const url = row.url.replace(/\{(\w+)\}/g, (_, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`${pattern}: no id for {${name}}; add it to ids in e2e/permission-matrix.spec.ts`);
      return id;
    });
    const answers = await Promise.all(
      KINDS.map(async (kind) => {
        const response = await api[kind].get(url, { headers: row.headers });
        return answerOf(response.status(), response.headers().location);
      }),
    );
    actual[pattern] = Object.fromEntries(KINDS.map((k, i) => [k, answers[i]]));
    KINDS.forEach((kind, i) => {
      if (answers[i] !== row.expect[kind])
        mismatches.push(`${pattern} (${url}) as ${kind}: got ${answers[i]}, expected ${row.expect[kind]}`);
    });
  }
  // What every caller got, to copy from when a row is written or a rule changes on purpose.
  if (mismatches.length) console.log(JSON.stringify(actual));
  for (const context of Object.values(api)) await context.dispose();
  expect(mismatches, "answers that differ from test/permission-matrix/routes.ts").toEqual([]);
});

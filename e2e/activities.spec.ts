// Learning anywhere: Hana plans two activities for a goal, one at home with a book and
// one in the community with a person, using the settings her profile suggests.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const HANA = "hana.sato@northbrook.test";
const PLAN = "Our river, our town";
const STAMP = Date.now().toString(36);
const READ = `Read a book about how rivers shape the land ${STAMP}`;
const INTERVIEW = `Interview a park ranger about the creek ${STAMP}`;

const goal = (page: Page, n: number) => page.getByRole("group", { name: `Goal ${n}`, exact: true });

test("Hana says where she likes to learn in her profile", async ({ page }) => {
  await signIn(page, HANA);
  await page.goto("/profile");
  const where = page.getByRole("group", { name: "Where I like to learn" });
  await where.getByLabel("At home").check();
  await where.getByLabel("In the community").check();
  await page.getByRole("group", { name: "I like to show what I know by…" }).getByLabel("talking or presenting").check();
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeFocused();
});

test("Hana adds two activities in two settings to her draft, with a suggestion from her profile", async ({ page }) => {
  await signIn(page, HANA);
  await page.getByRole("link", { name: PLAN }).first().click();
  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(page.getByRole("complementary", { name: "My learner profile" })).toBeVisible();
  await expectNoAxeViolations(page);

  const g1 = goal(page, 1);
  // The seeded plan may already have activities: ours come after them.
  const n = await g1.getByRole("group", { name: /^Activity \d+$/ }).count();
  const [a, b, c] = [n + 1, n + 2, n + 3];
  const activity = (k: number) => g1.getByRole("group", { name: `Activity ${k}`, exact: true });
  const add = g1.getByRole("button", { name: "Add an activity to goal 1" });

  await add.click();
  const first = activity(a);
  // Focus moves to the new activity's first field.
  await expect(first.getByLabel("What I will do")).toBeFocused();
  await page.keyboard.type(READ);
  await first.getByRole("button", { name: `At home for activity ${a} of goal 1` }).click();
  await expect(first.getByLabel("Where", { exact: true })).toHaveValue("HOME");
  await first.getByLabel("When or how often (optional)").fill("Every evening for 20 minutes");
  await first.getByLabel("With whom (optional)").fill("On my own");
  await first.getByLabel("Resource", { exact: true }).selectOption("BOOK");
  await first.getByLabel("Title of the book").fill("Rivers of the World");

  await add.click();
  const second = activity(b);
  await expect(second.getByLabel("What I will do")).toBeFocused();
  await second.getByLabel("What I will do").fill(INTERVIEW);
  await second.getByRole("button", { name: `In the community for activity ${b} of goal 1` }).click();
  await second.getByLabel("When or how often (optional)").fill("One Saturday in March");
  await second.getByLabel("With whom (optional)").fill("My dad");
  await second.getByLabel("Resource", { exact: true }).selectOption("PERSON");
  await second.getByLabel("Who is it?").fill("Ranger Diaz at Northbrook Park");

  // Moving keeps focus on the moved activity's button.
  await g1.getByRole("button", { name: `Move up activity ${b} of goal 1` }).click();
  await expect(activity(a).getByLabel("What I will do")).toHaveValue(INTERVIEW);
  await expect(g1.getByRole("button", { name: `Move up activity ${a} of goal 1` })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(g1.getByRole("button", { name: `Move down activity ${a} of goal 1` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(activity(a).getByLabel("What I will do")).toHaveValue(READ);
  await expect(g1.getByRole("button", { name: `Move down activity ${b} of goal 1` })).toBeFocused();

  await g1.getByRole("button", { name: "Give a short talk or presentation for how mastery of goal 1 will be shown" }).click();
  await expect(g1.getByLabel("How mastery will be shown")).toHaveValue(/Give a short talk or presentation$/);

  // A third activity with a link that is not a web address: the message is next to the
  // field and what was typed stays.
  await add.click();
  const third = activity(c);
  await third.getByLabel("What I will do").fill("Watch a video on erosion");
  await third.getByLabel("Resource", { exact: true }).selectOption("LINK");
  await third.getByLabel("Link", { exact: true }).fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(third.getByText("Enter a full web address starting with https://")).toBeVisible();
  await expect(third.getByLabel("Link", { exact: true })).toHaveValue("javascript:alert(1)");
  await expect(first.getByLabel("What I will do")).toHaveValue(READ);
  await expectNoAxeViolations(page);

  // Removing it puts focus back on the add button.
  await third.getByRole("button", { name: `Remove activity ${c} of goal 1` }).click();
  await expect(add).toBeFocused();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1, name: PLAN })).toBeVisible();
  const list = page.getByRole("list", { name: "Activities for goal 1" });
  const items = list.getByRole("listitem");
  await expect(items).toHaveCount(n + 2);
  const [home, community] = [items.nth(n), items.nth(n + 1)];
  await expect(home).toContainText(READ);
  await expect(home).toContainText("Where: At home");
  await expect(home).toContainText("A book: Rivers of the World");
  await expect(community).toContainText(INTERVIEW);
  await expect(community).toContainText("Where: In the community");
  await expect(community).toContainText("With: My dad");
  await expect(community).toContainText("A person: Ranger Diaz at Northbrook Park");
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
});

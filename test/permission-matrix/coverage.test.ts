// The permission matrix cannot fall behind (issue 11): every page, route handler and server
// action found in app/ has rows in the tables, and every row names something that still exists.
// The failure names what lacks rows, and where to add them.
import { describe, expect, it } from "vitest";
import { ACTION_ROWS } from "./actions";
import { discoverActions, discoverPages, discoverRoutes } from "./discover";
import { KINDS } from "./kinds";
import { PAGE_ROWS, ROUTE_ROWS } from "./routes";

const missing = (found: string[], rows: string[]) => found.filter((x) => !rows.includes(x));

describe("the permission matrix covers everything the app exposes", () => {
  const actionRows = Object.entries(ACTION_ROWS).flatMap(([file, rows]) => Object.keys(rows).map((name) => `${file}#${name}`));

  it("finds the app's pages, route handlers and actions (so an empty discovery cannot pass)", () => {
    expect(discoverPages().length).toBeGreaterThan(60);
    expect(discoverRoutes().length).toBeGreaterThan(10);
    expect(discoverActions().length).toBeGreaterThan(75);
    expect(discoverActions()).toContain("(app)/plans/actions.ts#createPlanAction");
  });

  it("has rows for every page (test/permission-matrix/routes.ts PAGE_ROWS)", () => {
    expect(missing(discoverPages(), Object.keys(PAGE_ROWS)), "pages without rows in PAGE_ROWS").toEqual([]);
  });

  it("has rows for every route handler (test/permission-matrix/routes.ts ROUTE_ROWS)", () => {
    const routes = discoverRoutes().map((r) => r.pattern);
    expect(missing(routes, Object.keys(ROUTE_ROWS)), "route handlers without rows in ROUTE_ROWS").toEqual([]);
  });

  it("has a row for every server action (test/permission-matrix/actions.ts ACTION_ROWS)", () => {
    expect(missing(discoverActions(), actionRows), "server actions without rows in ACTION_ROWS").toEqual([]);
  });

  it("has no row for a page, route or action that no longer exists", () => {
    const routes = discoverRoutes().map((r) => r.pattern);
    expect(missing(Object.keys(PAGE_ROWS), discoverPages()), "PAGE_ROWS naming no page").toEqual([]);
    expect(missing(Object.keys(ROUTE_ROWS), routes), "ROUTE_ROWS naming no route handler").toEqual([]);
    expect(missing(actionRows, discoverActions()), "ACTION_ROWS naming no exported action").toEqual([]);
  });

  it("gives every page and route an answer for every kind of caller, and never lets the disabled caller in", () => {
    const bad = Object.entries({ ...PAGE_ROWS, ...ROUTE_ROWS }).flatMap(([pattern, r]) => [
      ...KINDS.filter((k) => r.expect[k] === undefined).map((k) => `${pattern}: no answer for ${k}`),
      ...(r.expect.disabled === 200 && r.expect.anonymous !== 200
        ? [`${pattern}: the disabled caller sees what the anonymous one cannot`]
        : []),
    ]);
    expect(bad).toEqual([]);
  });
});

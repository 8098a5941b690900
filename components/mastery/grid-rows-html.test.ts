import fc from "fast-check";
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GridCell } from "@/lib/mastery/class-grid";
import type { LevelView } from "@/lib/mastery/levels";
import { escapeHtml, gridRowsHtml, type GridLabels, type GridRow } from "./grid-rows-html";

// The rows as React elements, as the grid drew them before its body became one string: the
// string must be exactly what React writes for them, escaping included, for any names at all.
function reactRows(rows: readonly GridRow[], labels: GridLabels): string {
  const cell = (c: GridCell, i: number): ReactNode =>
    !c.rated && !c.planned
      ? h("td", { key: i }, h("span", { "aria-hidden": "true" }, "—"), h("span", { className: "sr-only" }, "Not in their plans"))
      : h(
          "td",
          { key: i },
          c.level
            ? h("span", { style: { "--level": c.level.colour } }, c.level.name)
            : h("span", null, c.rated ? labels.notYet : labels.notRated),
        );
  return renderToStaticMarkup(
    h(
      "tbody",
      null,
      rows.map((r) =>
        h(
          "tr",
          { key: r.id },
          h("th", { scope: "row" }, h("a", { href: `/students/${encodeURIComponent(r.id)}` }, r.name)),
          r.cells.map(cell),
        ),
      ),
    ),
  ).replace(/^<tbody>|<\/tbody>$/g, "");
}

const level = (name: string, colour = "#15803d"): LevelView => ({
  id: "level",
  name,
  colour,
  points: 3,
  description: "",
  proficient: true,
  isDefault: false,
  position: 0,
});
const cellOf = (c: Partial<GridCell>): GridCell => ({
  studentId: "s",
  standardId: "st",
  level: null,
  proficient: false,
  rated: false,
  ratingCount: 0,
  planned: false,
  ...c,
});

// Any text, weighted towards what markup is made of.
const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", " ", "é", "/", "=", ";") }));
const colour = fc.stringMatching(/^#[0-9a-fA-F]{6}$/);
const cell = fc.record({
  level: fc.option(fc.record({ name: text, colour }), { nil: null }),
  rated: fc.boolean(),
  planned: fc.boolean(),
});
const row = fc.record({ id: fc.string({ minLength: 1 }), name: text, cells: fc.array(cell, { maxLength: 5 }) });

describe("the class grid's rows as HTML", () => {
  it("are exactly what React writes for the same rows, whatever the names", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 4 }), text, text, (rows, notYet, notRated) => {
        const grid: GridRow[] = rows.map((r) => ({
          id: r.id,
          name: r.name,
          // A level only on a rated cell, as the grid reads them.
          cells: r.cells.map((c) => cellOf({ ...c, level: c.level && c.rated ? level(c.level.name, c.level.colour) : null })),
        }));
        const labels = { notYet, notRated };
        expect(gridRowsHtml(grid, labels)).toBe(reactRows(grid, labels));
      }),
    );
  });

  it("write a name that looks like markup as text", () => {
    const html = gridRowsHtml(
      [
        {
          id: 'x" onmouseover="alert(1)',
          name: "<img src=x onerror=alert(1)>",
          cells: [cellOf({ rated: true, level: level("<b>Top</b>") })],
        },
      ],
      { notYet: "Not yet", notRated: "Not rated yet" },
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('href="/students/x%22%20onmouseover%3D%22alert(1)"');
  });

  it("leave out a colour that is not # and six hex digits rather than write it into a style", () => {
    const html = gridRowsHtml([{ id: "s", name: "Sam", cells: [cellOf({ rated: true, level: level("Top", "red;background:url(x)") })] }], {
      notYet: "Not yet",
      notRated: "Not rated yet",
    });
    expect(html).toContain("<td><span>Top</span></td>");
    expect(html).not.toContain("style");
  });

  it("escape as React does", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jo'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jo&#x27;&lt;/a&gt;");
  });
});

// The class grid's body as one HTML string (docs/decisions/class-mastery-grid.md). A grid holds
// 30 students × 40 standards; as React elements its 1 200 cells were rendered twice on every
// load — into the server components' payload, then from it into HTML — and were most of the
// page's CPU (issue 12). The markup is exactly what React wrote for them (grid-rows-html.test.ts
// holds the two together for any name), every text escaped as React escapes it.
import type { GridCell } from "@/lib/mastery/class-grid";

export type GridRow = { id: string; name: string; cells: GridCell[] };
export type GridLabels = { notYet: string; notRated: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute's value, safe between tags or inside double quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// A level's colour is validated as # and six hex digits when saved; anything else is left out
// here rather than written into a style attribute.
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function cellHtml(cell: GridCell, labels: GridLabels): string {
  if (!cell.rated && !cell.planned) return `<td><span aria-hidden="true">—</span><span class="sr-only">Not in their plans</span></td>`;
  if (!cell.level) return `<td><span>${escapeHtml(cell.rated ? labels.notYet : labels.notRated)}</span></td>`;
  const style = COLOUR.test(cell.level.colour) ? ` style="--level:${cell.level.colour}"` : "";
  return `<td><span${style}>${escapeHtml(cell.level.name)}</span></td>`;
}

/** Each student's row: their name (a link to their page) as the row's header, then a cell per standard. */
export function gridRowsHtml(rows: readonly GridRow[], labels: GridLabels): string {
  let html = "";
  for (const row of rows) {
    html += `<tr><th scope="row"><a href="/students/${escapeHtml(encodeURIComponent(row.id))}">${escapeHtml(row.name)}</a></th>`;
    for (const cell of row.cells) html += cellHtml(cell, labels);
    html += "</tr>";
  }
  return html;
}

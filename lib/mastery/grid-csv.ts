// The class grid as CSV: one row per student, one column per standard (by code), cells the level's
// name. Pure, so the escaping is tested without a database.

/** A spreadsheet must not run a cell as a formula: cells starting with = + - @ (or a tab/CR) get a quote. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvOf(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

type CsvGrid = {
  standards: readonly { code: string }[];
  students: readonly { name: string; cells: readonly { level: { name: string } | null; rated: boolean; planned: boolean }[] }[];
};

/** What a cell says in text: the level, "Not yet" (rated, method says not yet), "Not rated yet", or nothing (not on their plans). */
export function cellText(c: { level: { name: string } | null; rated: boolean; planned: boolean }): string {
  if (c.level) return c.level.name;
  if (c.rated) return "Not yet";
  return c.planned ? "Not rated yet" : "";
}

export function gridCsv(grid: CsvGrid): string {
  return csvOf([["Student", ...grid.standards.map((s) => s.code)], ...grid.students.map((s) => [s.name, ...s.cells.map(cellText)])]);
}

/** A file name from the class's name: letters, digits and dashes only. */
export function csvFileName(className: string): string {
  const slug = className
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .toLowerCase();
  return `${slug || "class"}-mastery.csv`;
}

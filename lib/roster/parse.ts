// Reads the CSV files of a OneRoster 1.1 export with an RFC 4180 parser (csv-parse): the
// manifest decides which files count and how (bulk, delta, absent); each file's header
// must start with the spec's columns in order; every row keeps its line number.
import { parse } from "csv-parse/sync";
import type { FileProblem, RowProblem } from "./report";
import { FILE_NAME, HEADERS, MANIFEST, MANIFEST_HEADER, REQUIRED, ROSTER_FILES, type FileMode, type RosterFile } from "./spec";

export type Row = {
  /** The file line the row starts on (the header is line 1). */
  line: number;
  sourcedId: string;
  /** status `tobedeleted`: the record is to be deactivated. */
  deleted: boolean;
  values: Readonly<Record<string, string>>;
};

/** What could not be imported, and what the admin should know. Shared by parse and plan. */
export class Problems {
  readonly fileErrors: FileProblem[] = [];
  readonly rows: RowProblem[] = [];
  readonly notes: string[] = [];
  /**
   * Rows that could not be imported, by file and sourcedId. Such records are left exactly
   * as they are: a row with a problem never deactivates anything.
   */
  readonly failed = Object.fromEntries(ROSTER_FILES.map((f) => [f, new Map<string, number>()])) as Record<RosterFile, Map<string, number>>;

  row(file: RosterFile, row: { line: number; sourcedId?: string }, reason: string) {
    this.rows.push({ file: FILE_NAME[file], line: row.line, reason });
    if (row.sourcedId && !this.failed[file].has(row.sourcedId)) this.failed[file].set(row.sourcedId, row.line);
  }

  note(message: string) {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
}

export type ParsedRoster = {
  modes: Record<RosterFile, FileMode>;
  rows: Record<RosterFile, Row[]>;
  problems: Problems;
  files: { name: string; mode: FileMode; rows: number }[];
};

type Record_ = { record: string[]; info: { lines: number } };

function readCsv(name: string, bytes: Uint8Array, problems: Problems): Record_[] | null {
  try {
    return parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      // A stray quote inside an unquoted value ("5"" screen") is kept as text, as most SIS exports mean it.
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as Record_[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    problems.fileErrors.push({ file: name, line: e.lines, reason: `${name} is not valid CSV: ${e.message}` });
    return null;
  }
}

/** csv-parse reports the line a record ends on; a quoted value may span several lines. */
function startLine(r: Record_): number {
  let breaks = 0;
  for (const value of r.record) for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) breaks++;
  return r.info.lines - breaks;
}

function checkHeader(name: string, header: string[], expected: readonly string[], problems: Problems): boolean {
  for (let i = 0; i < expected.length; i++) {
    if ((header[i] ?? "").trim().toLowerCase() !== expected[i]?.toLowerCase()) {
      const found = header[i] === undefined ? "missing" : `"${header[i]}"`;
      problems.fileErrors.push({
        file: name,
        line: 1,
        reason: `Column ${i + 1} of ${name} should be "${expected[i]}" but is ${found}. OneRoster 1.1 requires these columns, in this order: ${expected.join(",")}.`,
      });
      return false;
    }
  }
  if (header.length > expected.length) {
    problems.note(`${name} has columns after the standard ones (${header.slice(expected.length).join(", ")}); they are ignored.`);
  }
  return true;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseFile(file: RosterFile, bytes: Uint8Array, problems: Problems): { rows: Row[]; read: number } {
  const name = FILE_NAME[file];
  const records = readCsv(name, bytes, problems);
  if (!records) return { rows: [], read: 0 };
  const [head, ...body] = records;
  if (!head) {
    problems.fileErrors.push({ file: name, reason: `${name} is empty: it needs at least its header row.` });
    return { rows: [], read: 0 };
  }
  const expected = HEADERS[file];
  if (!checkHeader(name, head.record, expected, problems)) return { rows: [], read: body.length };
  const rows: Row[] = [];
  const firstLine = new Map<string, number>();
  for (const r of body) {
    const line = startLine(r);
    const cells = r.record.map((v) => v.trim());
    if (cells.every((v) => v === "")) continue;
    const sourcedId = cells[0] ?? "";
    if (cells.length !== head.record.length) {
      problems.row(file, { line, sourcedId }, `The row has ${cells.length} values where the header has ${head.record.length} columns.`);
      continue;
    }
    if (!sourcedId) {
      problems.row(file, { line }, "Missing required field sourcedId.");
      continue;
    }
    const values = Object.fromEntries(expected.map((h, i) => [h, cells[i] ?? ""]));
    const status = (values.status ?? "").toLowerCase();
    if (status !== "" && status !== "active" && status !== "tobedeleted") {
      problems.row(file, { line, sourcedId }, `status is "${values.status}"; it must be blank, active or tobedeleted.`);
      continue;
    }
    if (values.dateLastModified && !(DATE_TIME.test(values.dateLastModified) && !Number.isNaN(Date.parse(values.dateLastModified)))) {
      problems.row(
        file,
        { line, sourcedId },
        `dateLastModified "${values.dateLastModified}" is not a date and time (2026-08-01T12:00:00Z).`,
      );
      continue;
    }
    const first = firstLine.get(sourcedId);
    if (first !== undefined) {
      problems.row(file, { line }, `Duplicate sourcedId "${sourcedId}" (first on line ${first}); this row is skipped.`);
      continue;
    }
    firstLine.set(sourcedId, line);
    const deleted = status === "tobedeleted";
    const missing = deleted ? [] : REQUIRED[file].filter((f) => !values[f]);
    if (missing.length) {
      problems.row(file, { line, sourcedId }, `Missing required ${missing.length === 1 ? "field" : "fields"} ${missing.join(", ")}.`);
      continue;
    }
    rows.push({ line, sourcedId, deleted, values });
  }
  return { rows, read: body.length };
}

function readManifest(bytes: Uint8Array, problems: Problems): Map<string, string> | null {
  const records = readCsv(MANIFEST, bytes, problems);
  if (!records) return null;
  const [head, ...body] = records;
  if (!head || !checkHeader(MANIFEST, head.record, MANIFEST_HEADER, problems)) return null;
  return new Map(body.map((r) => [(r.record[0] ?? "").trim(), (r.record[1] ?? "").trim()]));
}

function fileModes(files: Map<string, Uint8Array>, problems: Problems): Record<RosterFile, FileMode> {
  const manifestBytes = files.get(MANIFEST);
  const manifest = manifestBytes ? readManifest(manifestBytes, problems) : null;
  if (!manifestBytes) problems.note("There is no manifest.csv: the files given are read as bulk files, and the others count as absent.");
  if (manifest) {
    const version = manifest.get("oneroster.version");
    if (version && version !== "1.1") problems.note(`The manifest says OneRoster ${version}; Pathways reads OneRoster 1.1 files.`);
  }
  const modes = {} as Record<RosterFile, FileMode>;
  for (const file of ROSTER_FILES) {
    const name = FILE_NAME[file];
    const present = files.has(name);
    const declared = manifest?.get(`file.${file}`)?.toLowerCase();
    let mode: FileMode = present ? "bulk" : "absent";
    if (manifest && declared === undefined && present) problems.note(`The manifest does not list ${name}; it is read as a bulk file.`);
    if (declared !== undefined) {
      if (declared !== "bulk" && declared !== "delta" && declared !== "absent") {
        problems.fileErrors.push({ file: MANIFEST, reason: `file.${file} is "${declared}"; it must be bulk, delta or absent.` });
      } else if (declared !== "absent" && !present) {
        problems.fileErrors.push({ file: name, reason: `The manifest lists ${name} as ${declared}, but the upload has no ${name}.` });
      } else {
        if (declared === "absent" && present) problems.note(`The manifest marks ${name} as absent, so the file given is ignored.`);
        mode = declared;
      }
    }
    modes[file] = mode;
  }
  return modes;
}

/** Parses the kept files of an upload (see files.ts). */
export function parseRoster(files: Map<string, Uint8Array>, problems = new Problems()): ParsedRoster {
  const modes = fileModes(files, problems);
  const rows = {} as Record<RosterFile, Row[]>;
  const read = {} as Record<RosterFile, number>;
  for (const file of ROSTER_FILES) {
    const bytes = files.get(FILE_NAME[file]);
    const parsed = modes[file] !== "absent" && bytes ? parseFile(file, bytes, problems) : { rows: [], read: 0 };
    rows[file] = parsed.rows;
    read[file] = parsed.read;
    if (modes[file] === "absent") {
      problems.note(`${FILE_NAME[file]} is not part of this export: what was imported from it before stays as it is.`);
    }
  }
  return { modes, rows, problems, files: ROSTER_FILES.map((f) => ({ name: FILE_NAME[f], mode: modes[f], rows: read[f] })) };
}

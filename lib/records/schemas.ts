// The learning record forms, shared by the browser (instant messages) and the server
// actions and commands (the real checks). Values stay strings as the form holds them; the
// command turns them into the stored shape (`recordData`), so nothing typed changes form.
import { z } from "zod";
import { fileProblemOf } from "@/lib/evidence/files";
import { keyWith } from "@/lib/i18n/keys";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";
import { SETTINGS, type Setting } from "./settings";

export { SETTING_LABEL, SETTINGS, type Setting } from "./settings";

const id = z.string().trim().min(1).max(64);

/** Why a rated record's facts, attachments and rated standards stay as they are (refused in lib/records/commands.ts, explained on its page). */
export const RATED_MESSAGE = "records.validation.rated";

export const MAX_FILES = 10;
export const MAX_LINKS = 10;
/**
 * All files of one form together. The server takes request bodies up to 26 MB (next.config.js),
 * so ten 10 MB files in one save would be cut off before any check could answer; this answers
 * beside the files field first.
 */
export const MAX_TOTAL_BYTES = 25 * 1024 * 1024;

/** Anything with a name and a size: a File in the browser and on the server. */
const fileLike = z.custom<File>(
  (v) => typeof v === "object" && v !== null && "name" in v && "size" in v && "arrayBuffer" in v,
  "records.validation.fileRequired",
);

/**
 * The latest calendar day anywhere on Earth (UTC+14): a student recording today's learning
 * in the evening is never told their day is in the future because the server is in UTC.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const wholeNumber = (max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,6}$/.test(v) && Number(v) <= max), message);

/** The web addresses in a "one per line" box, blank lines ignored. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function checkLinks(text: string, ctx: z.RefinementCtx, path: string) {
  const links = linesOf(text);
  if (links.length > MAX_LINKS) ctx.addIssue({ code: "custom", path: [path], message: "records.validation.maxLinks" });
  links.forEach((link, i) => {
    if (link.length > 2000 || !z.url({ protocol: /^https?$/ }).safeParse(link).success) {
      ctx.addIssue({ code: "custom", path: [path], message: keyWith("records.validation.linkLine", { line: i + 1 }) });
    }
  });
}

/** "These files come to 31.2 MB together; …" (the form's own `limit` key), or null when they fit in one request. */
function totalSizeProblem(files: readonly { size: number }[], limit: TotalLimit): string | null {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= MAX_TOTAL_BYTES) return null;
  return keyWith(limit, { size: total / 1024 / 1024 });
}

/** Which "too much at once" message a form gives: a new record's, or more attachments'. */
type TotalLimit = "records.validation.totalTooBigRecord" | "records.validation.totalTooBigAttach";

const NAMED_FILE_PROBLEM = {
  empty: "records.validation.fileEmpty",
  tooBig: "records.validation.fileTooBig",
  type: "records.validation.fileType",
} as const;

function checkFiles(files: readonly File[], ctx: z.RefinementCtx, limit: TotalLimit) {
  if (files.length > MAX_FILES) ctx.addIssue({ code: "custom", path: ["files"], message: "records.validation.maxFiles" });
  for (const file of files) {
    // Several files may be refused at once: each message names its file.
    const found = fileProblemOf(file);
    if (found) {
      const message = keyWith(NAMED_FILE_PROBLEM[found.problem], { name: file.name, size: found.megabytes });
      ctx.addIssue({ code: "custom", path: ["files"], message });
    }
  }
  const total = totalSizeProblem(files, limit);
  if (total) ctx.addIssue({ code: "custom", path: ["files"], message: total });
}

/** What the student tells about the learning: the fields of both the new-record and the edit form. */
const recordFields = {
  title: z.string().trim().min(1, "records.validation.titleRequired").max(200, "records.validation.titleTooLong"),
  description: z.string().trim().min(1, "records.validation.descriptionRequired").max(8000, "records.validation.max8000"),
  setting: z.enum(SETTINGS, { error: "records.validation.settingRequired" }),
  place: z.string().trim().max(200, "records.validation.placeTooLong"),
  happenedOn: z.string().trim().regex(ISO_DAY, "records.validation.dateRequired"),
  hours: wholeNumber(1000, "records.validation.hours"),
  minutes: wholeNumber(59, "records.validation.minutes"),
  withWhom: z.string().trim().max(200, "records.validation.max200"),
};

type RecordFields = z.infer<z.ZodObject<typeof recordFields>>;

function checkRecord(r: RecordFields, ctx: z.RefinementCtx) {
  if (ISO_DAY.test(r.happenedOn)) {
    const day = new Date(`${r.happenedOn}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== r.happenedOn) {
      ctx.addIssue({ code: "custom", path: ["happenedOn"], message: "records.validation.dateInvalid" });
    } else if (r.happenedOn > latestToday()) {
      ctx.addIssue({ code: "custom", path: ["happenedOn"], message: "records.validation.dateInFuture" });
    } else if (r.happenedOn < "1990-01-01") {
      ctx.addIssue({ code: "custom", path: ["happenedOn"], message: "records.validation.dateTooEarly" });
    }
  }
  if ((r.hours !== "" || r.minutes !== "") && durationOf(r) === 0) {
    ctx.addIssue({ code: "custom", path: ["minutes"], message: "records.validation.durationZero" });
  }
}

/** Minutes from the form's hours and minutes; null when both are empty. */
export function durationOf(r: { hours: string; minutes: string }): number | null {
  if (r.hours.trim() === "" && r.minutes.trim() === "") return null;
  return Number(r.hours || 0) * 60 + Number(r.minutes || 0);
}

/** "2 h 30 min", for lists and the record's page. */
export function formatDuration(minutes: number | null): string {
  if (!minutes) return "";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ");
}

/** The one-screen "Record learning" form: the fields, photos or files, and links. */
export const recordFormSchema = z
  .object({
    ...recordFields,
    links: z.string().max(25000, "records.validation.tooManyLinks"),
    files: z.array(fileLike),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((r, ctx) => {
    checkRecord(r, ctx);
    checkLinks(r.links, ctx, "links");
    checkFiles(r.files, ctx, "records.validation.totalTooBigRecord");
  });
export type RecordFormInput = z.infer<typeof recordFormSchema>;

/** Editing what was told (attachments and links are added and removed on their own). */
export const recordEditSchema = z.object({ recordId: id, version: z.number().int().positive(), ...recordFields }).superRefine(checkRecord);
export type RecordEditInput = z.infer<typeof recordEditSchema>;

export const attachmentsFormSchema = z
  .object({ recordId: id, links: z.string().max(25000, "records.validation.tooManyLinks"), files: z.array(fileLike) })
  .superRefine((a, ctx) => {
    checkLinks(a.links, ctx, "links");
    checkFiles(a.files, ctx, "records.validation.totalTooBigAttach");
    if (a.files.length === 0 && linesOf(a.links).length === 0) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "records.validation.nothingToAdd" });
    }
  });
export type AttachmentsFormInput = z.infer<typeof attachmentsFormSchema>;

export const recordIdSchema = z.object({ recordId: id });
export type RecordIdInput = z.infer<typeof recordIdSchema>;

export const attachmentRemoveSchema = z.object({ recordId: id, attachmentId: id });
export const standardLinkSchema = z.object({ recordId: id, standardId: id });
export const goalLinkSchema = z.object({ recordId: id, goalId: z.string().trim().min(1, "records.validation.goalRequired").max(64) });
export type GoalLinkInput = z.infer<typeof goalLinkSchema>;
export const suggestionSchema = z.object({ recordId: id, decision: z.enum(["accept", "dismiss"]) });

/** The form's values for an existing record. */
export function editValues(r: {
  id: string;
  version: number;
  title: string;
  description: string;
  setting: Setting;
  place: string;
  happenedOn: string;
  durationMinutes: number | null;
  withWhom: string;
}): RecordEditInput {
  const d = r.durationMinutes ?? 0;
  return {
    recordId: r.id,
    version: r.version,
    title: r.title,
    description: r.description,
    setting: r.setting,
    place: r.place,
    happenedOn: r.happenedOn,
    hours: r.durationMinutes ? (Math.floor(d / 60) ? String(Math.floor(d / 60)) : "") : "",
    minutes: r.durationMinutes ? (d % 60 ? String(d % 60) : "") : "",
    withWhom: r.withWhom,
  };
}

// What the standards pages and the goal editor's picker send: the framework upload form
// (shared by the form and its action) and the picker's search query.
import { z } from "zod";
import { SUBJECTS } from "@/lib/plans/labels";
import { GRADE_LEVELS } from "./options";

const id = z.string().trim().min(1).max(64);

/**
 * Server actions accept 11 MB bodies (next.config.js), so a package must fit in 10 MB; the
 * form checks before sending, so a bigger file gets this message, never a failed request.
 * The largest real frameworks (a whole state's standards) are a few MB of JSON.
 */
export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

/** Anything with a name and a size: a File in the browser and on the server. */
const fileLike = z.custom<File>(
  (v) => typeof v === "object" && v !== null && "name" in v && "size" in v && "arrayBuffer" in v,
  "Choose the framework's CASE package (a .json file).",
);

export const frameworkUploadSchema = z
  .object({
    organizationId: z.string({ error: "Choose who will own the framework." }).trim().min(1, "Choose who will own the framework.").max(64),
    file: fileLike,
  })
  .superRefine(({ file }, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", path: ["file"], message });
    if (!file.name.toLowerCase().endsWith(".json"))
      problem("Choose a .json file: a CASE 1.0 package exported from your standards provider.");
    else if (file.size === 0) problem("The file is empty. Choose the framework's CASE package.");
    else if (file.size > MAX_PACKAGE_BYTES) problem(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  });
export type FrameworkUploadInput = z.infer<typeof frameworkUploadSchema>;

export { GRADE_LABEL, GRADE_LEVELS, LOCAL_FRAMEWORK } from "./options";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The picker's query: search words, filters, a node to browse under, and where the last page ended. */
export const standardSearchSchema = z.object({
  schoolId: id,
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  subject: z.preprocess(blankToUndefined, z.enum(SUBJECTS).optional()),
  grade: z.preprocess(blankToUndefined, z.enum(GRADE_LEVELS).optional()),
  frameworkId: z.preprocess(blankToUndefined, id.optional()),
  parentId: z.preprocess(blankToUndefined, id.optional()),
  after: z.preprocess(blankToUndefined, z.string().max(300).optional()),
});
export type StandardSearchInput = z.input<typeof standardSearchSchema>;

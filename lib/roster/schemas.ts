import { z } from "zod";

const id = z.string().trim().min(1).max(64);

/** Server actions accept 11 MB bodies (next.config.js); the files must fit in that. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Anything with a name and a size: a File in the browser and on the server. */
const fileLike = z.custom<File>((v) => typeof v === "object" && v !== null && "name" in v && "size" in v && "arrayBuffer" in v);

const isZip = (f: File) => f.name.toLowerCase().endsWith(".zip");
const isCsv = (f: File) => f.name.toLowerCase().endsWith(".csv");

export const rosterUploadSchema = z
  .object({
    files: z
      .array(fileLike, { error: "Choose the roster zip, or its CSV files." })
      .min(1, "Choose the roster zip, or its CSV files.")
      .max(20, "Choose at most 20 files."),
  })
  .superRefine(({ files }, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", path: ["files"], message });
    const size = files.reduce((n, f) => n + f.size, 0);
    if (files.some((f) => !isZip(f) && !isCsv(f))) problem("Choose a .zip file, or .csv files.");
    else if (files.some(isZip) && files.length > 1) problem("Choose one zip, or the CSV files, not both.");
    else if (size > MAX_UPLOAD_BYTES) {
      problem(`The upload is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB. A zip of the CSV files is much smaller.`);
    }
  });
export type RosterUploadInput = z.infer<typeof rosterUploadSchema>;

export const applyRosterSchema = z.object({ importId: id });
export type ApplyRosterInput = z.infer<typeof applyRosterSchema>;

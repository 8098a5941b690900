import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";
import { fileProblem } from "./files";

const id = z.string().trim().min(1).max(64);

/** Anything with a name and a size: a File in the browser and on the server. */
const fileLike = z.custom<File>(
  (v) => typeof v === "object" && v !== null && "name" in v && "size" in v && "arrayBuffer" in v,
  "Choose a file to upload.",
);

export const EVIDENCE_KINDS = ["TEXT", "LINK", "FILE"] as const;

export const evidenceFormSchema = z
  .object({
    planId: id,
    goalId: id,
    kind: z.enum(EVIDENCE_KINDS, { error: "Choose what kind of evidence this is." }),
    title: z.string().trim().min(1, "Give the evidence a title.").max(200, "Keep the title under 200 characters."),
    text: z.string().trim().max(20000, "Keep the text under 20,000 characters."),
    url: z.string().trim().max(2000, "That link is too long."),
    reflection: z.string().trim().max(4000, "Keep the reflection under 4,000 characters."),
    file: fileLike.optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((e, ctx) => {
    if (e.kind === "TEXT" && !e.text) ctx.addIssue({ code: "custom", path: ["text"], message: "Write the evidence text." });
    if (e.kind === "LINK") {
      const ok = z.url({ protocol: /^https?$/ }).safeParse(e.url).success;
      if (!ok) ctx.addIssue({ code: "custom", path: ["url"], message: "Enter a full web address starting with https://" });
    }
    if (e.kind === "FILE") {
      const problem = e.file ? fileProblem(e.file) : "Choose a file to upload.";
      if (problem) ctx.addIssue({ code: "custom", path: ["file"], message: problem });
    }
  });
export type EvidenceFormInput = z.infer<typeof evidenceFormSchema>;

export const ratingFormSchema = z.object({
  evidenceId: id,
  goalId: id,
  levelId: z.string({ error: "Choose a level." }).min(1, "Choose a level.").max(64, "Choose a level."),
  feedback: z.string().trim().min(1, "Write feedback for the student.").max(4000, "Keep feedback under 4,000 characters."),
});
export type RatingFormInput = z.infer<typeof ratingFormSchema>;

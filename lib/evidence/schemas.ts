import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";
import { fileProblem } from "./files";

const id = z.string().trim().min(1).max(64);

/** Anything with a name and a size: a File in the browser and on the server. */
const fileLike = z.custom<File>(
  (v) => typeof v === "object" && v !== null && "name" in v && "size" in v && "arrayBuffer" in v,
  "evidence.validation.fileRequired",
);

export const EVIDENCE_KINDS = ["TEXT", "LINK", "FILE"] as const;

export const evidenceFormSchema = z
  .object({
    planId: id,
    goalId: id,
    kind: z.enum(EVIDENCE_KINDS, { error: "evidence.validation.kindRequired" }),
    title: z.string().trim().min(1, "evidence.validation.titleRequired").max(200, "evidence.validation.titleTooLong"),
    text: z.string().trim().max(20000, "evidence.validation.textTooLong"),
    url: z.string().trim().max(2000, "evidence.validation.linkTooLong"),
    reflection: z.string().trim().max(4000, "evidence.validation.reflectionTooLong"),
    file: fileLike.optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((e, ctx) => {
    if (e.kind === "TEXT" && !e.text) ctx.addIssue({ code: "custom", path: ["text"], message: "evidence.validation.textRequired" });
    if (e.kind === "LINK") {
      const ok = z.url({ protocol: /^https?$/ }).safeParse(e.url).success;
      if (!ok) ctx.addIssue({ code: "custom", path: ["url"], message: "evidence.validation.urlInvalid" });
    }
    if (e.kind === "FILE") {
      const problem = e.file ? fileProblem(e.file) : "evidence.validation.fileRequired";
      if (problem) ctx.addIssue({ code: "custom", path: ["file"], message: problem });
    }
  });
export type EvidenceFormInput = z.infer<typeof evidenceFormSchema>;

export const ratingFormSchema = z.object({
  evidenceId: id,
  goalId: id,
  levelId: z
    .string({ error: "evidence.validation.levelRequired" })
    .min(1, "evidence.validation.levelRequired")
    .max(64, "evidence.validation.levelRequired"),
  feedback: z.string().trim().min(1, "evidence.validation.feedbackRequired").max(4000, "evidence.validation.feedbackTooLong"),
});
export type RatingFormInput = z.infer<typeof ratingFormSchema>;

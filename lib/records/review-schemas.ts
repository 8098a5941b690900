// A teacher's rating of a learning record against one of its linked standards: one schema, shared
// by the form on the teacher's home and the server action.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const recordRatingSchema = z.object({
  recordId: id,
  standardId: id,
  levelId: z.string({ error: "Choose a level." }).min(1, "Choose a level.").max(64, "Choose a level."),
  feedback: z.string().trim().min(1, "Write feedback for the student.").max(4000, "Keep feedback under 4,000 characters."),
});

export type RecordRatingInput = z.infer<typeof recordRatingSchema>;

// What a signer signs: the whole agreement as sent, kept in an AgreementRevision that the
// database hashes and never lets change. Printing an earlier version reads it from here.
import { z } from "zod";
import { agreementDraftSchema, boardPolicySchema } from "./elements";

const signerEntry = z.object({
  role: z.enum(["STUDENT", "GUARDIAN", "TEACHER", "ASSISTANT"]),
  label: z.string(),
  anyOf: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const agreementRevisionSchema = z.object({
  header: z.object({
    student: z.object({ id: z.string(), name: z.string(), gradeLevel: z.number() }),
    school: z.object({ id: z.string(), name: z.string() }),
    program: z.string(),
    plan: z.object({ id: z.string(), title: z.string() }),
  }),
  elements: agreementDraftSchema,
  optionalStatement: z.string(),
  policy: boardPolicySchema,
  signingRule: z.object({ kind: z.enum(["long", "short"]), schoolDays: z.number(), text: z.string(), deadline: z.string().nullable() }),
  signers: z.array(signerEntry),
});
export type AgreementRevisionContent = z.infer<typeof agreementRevisionSchema>;

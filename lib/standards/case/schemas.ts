// The part of a CASE 1.0 CFPackage (1EdTech Competencies and Academic Standards Exchange)
// that an import reads. Lenient about everything else: real packages carry extra fields,
// nulls where the spec says "optional", numbers as strings and strings as lists. Strict
// about identifiers, because re-importing updates by them: an item or link without one
// cannot be matched next time.
import { z } from "zod";

const identifier = z.string({ error: "has no identifier" }).trim().min(1, "has no identifier");

/** Optional text: null and absent both mean "none". */
const text = z.string().nullish();

/** A list of strings, also accepted as one comma-separated string (some exporters write "06,07"). */
const textList = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .transform((v) => (typeof v === "string" ? v.split(",") : (v ?? [])).map((s) => s.trim()).filter(Boolean));

/** A number that some exporters write as a string. */
const looseNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => {
    const n = typeof v === "string" ? Number(v.trim()) : v;
    return typeof n === "number" && Number.isFinite(n) ? n : null;
  });

/** A LinkURI whose identifier the import follows (an association's two ends). */
const link = z.looseObject({ identifier, title: text, uri: text });

export const cfDocumentSchema = z.looseObject({
  identifier,
  title: z.string({ error: "has no title" }).trim().min(1, "has no title"),
  creator: text,
  version: text,
  subject: textList,
  adoptionStatus: text,
  language: text,
});

export const cfItemSchema = z.looseObject({
  identifier,
  fullStatement: text,
  abbreviatedStatement: text,
  humanCodingScheme: text,
  listEnumeration: text,
  CFItemType: text,
  CFItemTypeURI: z.looseObject({ identifier: text, title: text }).nullish(),
  educationLevel: textList,
  // Not CASE, but OpenSALT's own exports once wrote it this way.
  educationalLevel: textList,
  subject: textList,
  language: text,
});

export const cfAssociationSchema = z.looseObject({
  identifier,
  associationType: z.string({ error: "has no associationType" }).trim().min(1, "has no associationType"),
  originNodeURI: link,
  destinationNodeURI: link,
  sequenceNumber: looseNumber,
});

export const cfItemTypeSchema = z.looseObject({ identifier, title: text });

export const cfPackageSchema = z.looseObject({
  CFDocument: cfDocumentSchema,
  CFItems: z.array(cfItemSchema).nullish(),
  CFAssociations: z.array(cfAssociationSchema).nullish(),
  CFDefinitions: z.looseObject({ CFItemTypes: z.array(cfItemTypeSchema).nullish() }).nullish(),
  // Some exporters put the definitions at the top level.
  CFItemTypes: z.array(cfItemTypeSchema).nullish(),
});

export type CfPackage = z.infer<typeof cfPackageSchema>;
export type CfItem = z.infer<typeof cfItemSchema>;
export type CfAssociation = z.infer<typeof cfAssociationSchema>;

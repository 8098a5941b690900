import { useLocale } from "next-intl";
import { wordEntry, type EntryParts } from "@/lib/disclosure/words";

/** A disclosure entry worded in the reader's language. */
export function EntrySentence({ parts }: { parts: EntryParts }) {
  return <>{wordEntry(parts, useLocale())}</>;
}

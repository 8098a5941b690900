import { useLocale } from "next-intl";
import { wordGrowth, type GrowthParts } from "@/lib/mastery/growth";

/** "Developing → Proficient since Oct 3" in the reader's language; days are read in UTC like the rest of the app. */
export function GrowthLine({ parts }: { parts: GrowthParts }) {
  return <>{wordGrowth(parts, useLocale())}</>;
}

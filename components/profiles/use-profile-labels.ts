import { useMessages } from "next-intl";
import { UDL_PRINCIPLES, type UdlField } from "@/lib/profiles/udl";

/**
 * The profile's choices in the page's language, from their stored keys. lib/profiles keeps the English
 * labels (and history's wording); a key the catalogue lacks falls back to that English label.
 */
export function useProfileLabels() {
  const messages = useMessages().profile;
  const choices = (field: UdlField) => messages.udl[field].choices as Record<string, string>;
  const settings = messages.settings as Record<string, string>;
  return {
    prompt: (field: UdlField) => messages.udl[field].prompt,
    /** The chosen keys' labels, in the list's order (unknown keys are dropped, as lib does). */
    picked: (field: UdlField, keys: readonly string[]) =>
      (UDL_PRINCIPLES.find((p) => p.field === field)?.choices ?? [])
        .filter((c) => keys.includes(c.key))
        .map((c) => choices(field)[c.key] ?? c.label),
    choice: (field: UdlField, key: string, fallback: string) => choices(field)[key] ?? fallback,
    settings: (keys: readonly string[]) => keys.map((s) => settings[s] ?? s),
    setting: (key: string) => settings[key] ?? key,
  };
}

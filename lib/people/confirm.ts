// Confirming a deletion by typing the person's name: the form checks it in the browser and the
// command again (./commands.ts), with the same words. No zod here, so the form's first load
// stays small (components/lazy-resolver.ts).

/** Said by the field when the typed name is not the person's (the form checks, and the server again). */
export const CONFIRM_NAME_MISMATCH = "That is not their full name. Type it exactly as shown to confirm.";

/** Whether what was typed is the name: spaces and letter case aside, so "diego  ramirez" is Diego Ramirez. */
export function namesMatch(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(name);
}

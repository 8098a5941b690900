// Authored rows outlive their authors (docs/decisions/deleting-people.md): a deleted
// author is shown as a pseudonymous tombstone, never as a blank.
export const FORMER_MEMBER = "Former member";

export function displayName(person: { name: string } | null | undefined): string {
  return person?.name ?? FORMER_MEMBER;
}

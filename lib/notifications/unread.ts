// How far the unread count goes (the header's badge and the notifications page say "99+" beyond):
// counting every unread notification a person ever left would cost each page what they collected.
// Not server-only: the badge renders it.

export const UNREAD_COUNTED_UP_TO = 99;

/** "3", or "99+" for a count past the cap. */
export function unreadText(n: number): string {
  return n > UNREAD_COUNTED_UP_TO ? `${UNREAD_COUNTED_UP_TO}+` : String(n);
}

// Which parts of the catalogue travel to the browser. Every page sends its client components'
// messages inside its HTML, so a page sends only the namespaces its part of the app can read:
// the sign-in, password, unsubscribe and error pages a few, the signed-in app all but the help page's text and
// email's (server-rendered only). Keys named in schemas (lib/i18n/keys.ts) belong to namespaces
// the app's set keeps.
import type { Messages } from "./catalogues";

type Namespace = keyof Messages;

/** The sign-in, password, unsubscribe and error pages (unsubscribing offers to resubscribe: notifications). */
export const PUBLIC_NAMESPACES = ["common", "auth", "validation", "notifications"] as const satisfies readonly Namespace[];

/** Never read in the browser: the help page and emails are rendered on the server. */
const SERVER_ONLY: readonly Namespace[] = ["help", "email", "student"];

/** The part of `messages` in `namespaces`; "app" is every namespace a signed-in page's components may read. */
export function clientMessages(messages: Messages, namespaces: readonly Namespace[] | "app"): Partial<Messages> {
  const keep = namespaces === "app" ? (Object.keys(messages) as Namespace[]).filter((n) => !SERVER_ONLY.includes(n)) : namespaces;
  return Object.fromEntries(keep.map((n) => [n, messages[n]]));
}

// One-click unsubscribe that works signed out: every email links to /unsubscribe with a token
// signed with the app's secret (HMAC-SHA256 over a version, the person and the kind), so the link
// turns off that one kind for that one person and nothing else. No expiry: an old email's link
// still works. docs/decisions/notification-email.md says why.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { appUrl, env } from "@/lib/env";
import { isKindId, kindById, type Kind, type KindId } from "./kinds";
import { setDelivery } from "./preferences";

/** Bumped if the token's layout or meaning changes; older tokens are then refused. */
const VERSION = "1";

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("Unsubscribe links need AUTH_SECRET.");
  return value;
}

function signature(userId: string, kind: KindId): string {
  // A domain prefix so this MAC can never be mistaken for another use of the same secret.
  return createHmac("sha256", secret()).update(`pathways-unsubscribe\n${VERSION}\n${userId}\n${kind}`).digest("base64url");
}

export type UnsubscribeParams = { v: string; u: string; k: string; s: string };

/**
 * The link in an email for turning off one kind for its reader: the page a person opens, or the
 * address a mail program posts to for its one-click button (RFC 8058).
 */
export function unsubscribeUrl(userId: string, kind: KindId, path: "/unsubscribe" | "/api/unsubscribe" = "/unsubscribe"): string {
  const url = new URL(path, appUrl());
  const params: UnsubscribeParams = { v: VERSION, u: userId, k: kind, s: signature(userId, kind) };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** The RFC 8058 headers that let a mail program unsubscribe with one click (a POST to the same link). */
export function unsubscribeHeaders(userId: string, kind: KindId): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(userId, kind, "/api/unsubscribe")}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

const paramsSchema = z.object({
  v: z.string().max(8),
  u: z.string().min(1).max(64),
  k: z.string().max(64),
  s: z.string().max(128),
});

/** The person and kind a link names, when its signature is right; null for anything tampered or malformed. */
export function verifyUnsubscribe(input: unknown): { userId: string; kind: Kind } | null {
  const parsed = paramsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { v, u, k, s } = parsed.data;
  // Without a secret no link can be told from a forged one: every link is refused.
  if (v !== VERSION || !isKindId(k) || !env().AUTH_SECRET) return null;
  const expected = Buffer.from(signature(u, k));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId: u, kind: kindById(k) };
}

/**
 * Turns the link's kind off for its person. Refused (null, nothing changed) when the link was
 * tampered with or the person is gone; the same link twice is fine.
 */
export async function unsubscribe(input: unknown): Promise<{ kind: Kind } | null> {
  const valid = verifyUnsubscribe(input);
  if (!valid) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: valid.userId }, select: { id: true, districtId: true } });
    if (!user) return null;
    await setDelivery(tx, user, valid.kind.id, "OFF", "unsubscribe link");
    return { kind: valid.kind };
  });
}

/** Undoes an unsubscribe from the same link: the kind goes back to how it is sent unless chosen otherwise. */
export async function resubscribe(input: unknown): Promise<{ kind: Kind } | null> {
  const valid = verifyUnsubscribe(input);
  if (!valid) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: valid.userId }, select: { id: true, districtId: true } });
    if (!user) return null;
    await setDelivery(tx, user, valid.kind.id, valid.kind.defaultDelivery, "unsubscribe link, undone");
    return { kind: valid.kind };
  });
}

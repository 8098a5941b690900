// A connected tool's credentials: HTTP Basic with a public key and a secret shown once. The
// secret is kept only as a salted scrypt hash and compared in constant time.
import "server-only";
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike } from "node:crypto";
import { db } from "@/lib/db";
import { XapiError } from "./errors";

const scrypt = (secret: BinaryLike, salt: BinaryLike, length: number) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(secret, salt, length, (e, key) => (e ? reject(e) : resolve(key))));

const KEY_LENGTH = 32;

export function newKey(): string {
  return `pw_${randomBytes(12).toString("base64url")}`;
}

export function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** "scrypt$<salt>$<hash>", both base64url. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Hashed for a missing key too, so a wrong key and a wrong secret take the same time.
const DUMMY = hashSecret("not a secret");

export type Tool = { id: string; key: string; name: string; schoolId: string; districtId: string };

export const unauthorized = () => new XapiError(401, "Send this tool's key and secret with HTTP Basic authentication.");

/** The tool the request's Basic credentials name; XapiError(401) when missing, wrong or revoked. */
export async function authenticate(header: string | null): Promise<Tool> {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) throw unauthorized();
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw unauthorized();
  const key = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const tool = await db.xapiTool.findUnique({
    where: { key },
    select: { id: true, key: true, name: true, schoolId: true, districtId: true, secretHash: true, revokedAt: true, lastUsedAt: true },
  });
  const ok = await verified(secret, tool?.secretHash ?? (await DUMMY));
  if (!tool || !ok || tool.revokedAt) throw unauthorized();
  await touch(tool.id, tool.lastUsedAt);
  return { id: tool.id, key: tool.key, name: tool.name, schoolId: tool.schoolId, districtId: tool.districtId };
}

// scrypt is slow on purpose (~50 ms); a tool sends many requests. A secret once verified against a
// hash is remembered for a few minutes, by a digest of both (never the secret itself). Revoking
// still takes effect at once: revokedAt is read on every request.
const VERIFIED = new Map<string, number>();
const REMEMBER_MS = 5 * 60_000;

async function verified(secret: string, hash: string): Promise<boolean> {
  const digest = createHash("sha256").update(hash).update("\0").update(secret).digest("base64url");
  const until = VERIFIED.get(digest);
  if (until && until > Date.now()) return true;
  const ok = await secretMatches(secret, hash);
  if (ok) {
    if (VERIFIED.size > 1000) VERIFIED.clear();
    VERIFIED.set(digest, Date.now() + REMEMBER_MS);
  }
  return ok;
}

const MINUTE = 60_000;

/** lastUsedAt, at most once a minute: a busy tool must not write its row on every request. */
async function touch(id: string, lastUsedAt: Date | null) {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < MINUTE) return;
  await db.xapiTool.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - MINUTE) } }] },
    data: { lastUsedAt: now },
  });
}

// Single sign-on through the school's identity provider (OpenID Connect). A person is let
// in only when they are already on the roster: matched by an identity they used before, by
// the roster id the provider sends, or by an email the provider vouches for. Nobody gets a
// new account this way (docs/decisions/single-sign-on.md).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type SsoProviderConfig = {
  id: "oidc" | "google" | "microsoft-entra-id";
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim carrying the person's OneRoster sourcedId, when the provider sends one. */
  rosterIdClaim?: string;
};

/** The identity providers configured in the environment, in the order the sign-in page shows them. */
export function ssoProviderConfigs(): SsoProviderConfig[] {
  const e = env();
  const out: SsoProviderConfig[] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    out.push({
      id: "oidc",
      name: e.OIDC_NAME,
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      rosterIdClaim: e.OIDC_ROSTER_ID_CLAIM,
    });
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    out.push({
      id: "google",
      name: "Google",
      issuer: "https://accounts.google.com",
      clientId: e.GOOGLE_CLIENT_ID,
      clientSecret: e.GOOGLE_CLIENT_SECRET,
    });
  }
  if (e.MICROSOFT_ENTRA_ID_CLIENT_ID && e.MICROSOFT_ENTRA_ID_CLIENT_SECRET && e.MICROSOFT_ENTRA_ID_ISSUER) {
    out.push({
      id: "microsoft-entra-id",
      name: "Microsoft",
      issuer: e.MICROSOFT_ENTRA_ID_ISSUER,
      clientId: e.MICROSOFT_ENTRA_ID_CLIENT_ID,
      clientSecret: e.MICROSOFT_ENTRA_ID_CLIENT_SECRET,
    });
  }
  return out;
}

export type SsoClaims = Record<string, unknown> & { sub?: unknown; iss?: unknown };

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * The email the provider vouches for, lower-case, or null. Google and a generic provider
 * say so with `email_verified`. Microsoft Entra ID does not; within one tenant (the
 * issuer names it) the sign-in name is set by the district's administrators, so that is
 * used, never the user-editable `email` claim.
 */
export function verifiedEmail(providerId: SsoProviderConfig["id"], claims: SsoClaims): string | null {
  if (providerId === "microsoft-entra-id") {
    const issuer = text(claims.iss) ?? "";
    if (/\/(common|organizations|consumers)\//.test(issuer)) return null;
    return text(claims.preferred_username)?.toLowerCase() ?? null;
  }
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return verified ? (text(claims.email)?.toLowerCase() ?? null) : null;
}

export type SsoMatch = { userId: string; name: string; email: string };

/**
 * The roster person behind a provider's claims, or null ("your school has not given you
 * access"). Records the identity so that later sign-ins match by subject.
 */
export async function matchSsoUser(providerId: SsoProviderConfig["id"], claims: SsoClaims): Promise<SsoMatch | null> {
  const config = ssoProviderConfigs().find((p) => p.id === providerId);
  const subject = text(claims.sub);
  if (!config || !subject) return null;
  // The issuer the token came from, so two providers' subjects never collide.
  const provider = text(claims.iss) ?? config.issuer;
  const select = { id: true, name: true, email: true, districtId: true, disabledAt: true } as const;
  const usable = { disabledAt: null, memberships: { some: { endedAt: null } } };

  const known = await db.identity.findUnique({ where: { provider_subject: { provider, subject } }, select: { user: { select } } });
  let user = known ? (known.user.disabledAt ? null : await db.user.findFirst({ where: { id: known.user.id, ...usable }, select })) : null;
  if (!known) {
    const rosterId = config.rosterIdClaim ? text(claims[config.rosterIdClaim]) : null;
    if (rosterId) {
      const byRoster = await db.user.findMany({ where: { source: "oneroster", sourcedId: rosterId, ...usable }, select, take: 2 });
      // A roster id is unique within a district only: two districts sharing one provider
      // and one id match nobody rather than the wrong person.
      if (byRoster.length === 1) user = byRoster[0] ?? null;
    }
    const email = verifiedEmail(providerId, claims);
    if (!user && email) user = await db.user.findFirst({ where: { email, ...usable }, select });
  }
  if (!user) return null;

  const first = await db.membership.findFirst({
    where: { userId: user.id, endedAt: null },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.identity.upsert({
      where: { provider_subject: { provider, subject } },
      create: { userId: user.id, provider, subject, email: verifiedEmail(providerId, claims), lastUsedAt: now },
      update: { lastUsedAt: now },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, {
      organizationId: first?.organizationId ?? user.districtId,
      actorId: user.id,
      action: "user.sign_in",
      entityType: "User",
      entityId: user.id,
      detail: { method: providerId },
    });
  });
  return { userId: user.id, name: user.name, email: user.email };
}

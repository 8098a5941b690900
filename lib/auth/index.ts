// Auth.js (next-auth v5): email + password, and single sign-on through the school's
// OpenID Connect provider. The JWT cookie carries only the session id, the user id and the
// session version; the session row and the user are checked on every request
// (lib/auth/sessions.ts), so a replayed cookie of an ended session is refused.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { RateLimitedError } from "@/lib/errors";
import { checkSession, endSession, SESSION_ABSOLUTE_LIMIT_MS, startSession } from "./sessions";
import { verifyCredentials } from "./sign-in";
import { matchSsoUser, ssoProviderConfigs, type SsoClaims, type SsoProviderConfig } from "./sso";
import { clientAddress } from "./throttle";

/** Tells the sign-in form to show the cool-down message (Auth.js passes `code` through). */
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const NO_ACCESS_PATH = "/sign-in/no-access";

function ssoProviders(): Provider[] {
  return ssoProviderConfigs().map((c) => {
    const common = { clientId: c.clientId, clientSecret: c.clientSecret, issuer: c.issuer, checks: ["pkce", "state", "nonce"] as const };
    // The profile is only what the sign-in page may show; matching uses the raw claims.
    const profile = (p: { sub?: unknown; name?: unknown }) => ({
      id: String(p.sub ?? ""),
      name: typeof p.name === "string" ? p.name : null,
    });
    if (c.id === "google") return Google({ ...common, checks: [...common.checks], profile });
    if (c.id === "microsoft-entra-id") {
      return MicrosoftEntraID({
        ...common,
        checks: [...common.checks],
        authorization: { params: { scope: "openid profile email" } },
        profile,
      });
    }
    return { id: "oidc", name: c.name, type: "oidc", ...common, checks: [...common.checks], profile };
  });
}

type PathwaysUser = { id?: string; pathwaysUserId?: string };

const config: NextAuthConfig = {
  // Redirects and links are built from AUTH_URL (set from APP_URL by the start scripts),
  // never from a request's Host or X-Forwarded-Host.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIMIT_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome shown on the form, not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await verifyCredentials(credentials, clientAddress(request.headers.get("x-forwarded-for")));
        } catch (error) {
          if (error instanceof RateLimitedError) throw new ThrottledSignIn();
          throw error;
        }
      },
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    // Single sign-on lets in only people already on the roster; the match travels on the
    // user object to the jwt callback (Auth.js passes the same object without an adapter).
    async signIn({ user, account, profile }) {
      if (!account || account.type !== "oidc") return true;
      const match = await matchSsoUser(account.provider as SsoProviderConfig["id"], (profile ?? {}) as SsoClaims);
      if (!match) return NO_ACCESS_PATH;
      Object.assign(user, { pathwaysUserId: match.userId, name: match.name, email: match.email });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const userId = account.type === "oidc" ? (user as PathwaysUser).pathwaysUserId : user.id;
        if (!userId) return null;
        const claims = await startSession(userId, account.type === "oidc" ? account.provider : "password");
        return { sid: claims.sid, uid: claims.uid, sv: claims.sv };
      }
      // Every later read: an ended, expired or idle session, or a disabled user, is signed out.
      const ok = await checkSession({ sid: String(token.sid ?? ""), uid: String(token.uid ?? ""), sv: Number(token.sv) });
      return ok ? token : null;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? ""), sessionVersion: Number(token.sv ?? 0), sessionId: String(token.sid ?? "") },
      };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid, "signed_out");
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);

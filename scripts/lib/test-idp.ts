// A real OpenID Connect provider (the `oidc-provider` package) for the browser tests and
// local trials of single sign-on: its built-in development screens accept any login and
// password, and the claims come from the accounts given here.
import { generateKeyPairSync } from "node:crypto";
import type { Server } from "node:http";
import Provider from "oidc-provider";

export type TestIdpAccount = { email?: string; email_verified?: boolean; name?: string; [claim: string]: unknown };

export type TestIdp = { issuer: string; stop: () => Promise<void> };

export async function startTestIdp(opts: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: Record<string, TestIdpAccount>;
}): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-idp" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-idp-cookie-key-not-secret"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], roster: ["roster_id"] },
    // Claims go into the ID token itself, as Google's and Microsoft's do.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = opts.accounts[sub] ?? {};
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  provider.proxy = false;
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

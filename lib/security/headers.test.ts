import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./headers";

describe("the content-security policy", () => {
  it("runs only scripts with this response's nonce, never inline or eval in production", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce);
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy(nonce, { development: true })).toContain("'unsafe-eval'");
  });

  it("gets a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the other security headers", () => {
  it("ask for HTTPS only where the app is served over HTTPS", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: false })).toMatchObject({ "Cross-Origin-Opener-Policy": "same-origin" });
  });
});

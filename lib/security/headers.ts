// The security headers of every response, set by proxy.ts. Scripts run only with this request's
// nonce ('strict-dynamic' lets Next's own loader add the chunks it needs), never inline without it
// and never from elsewhere. Styles allow inline style attributes: level colours and charts set
// them, and a style cannot run code. No form-action: signing in with a district's identity
// provider posts, then redirects to that provider's address.
// docs/decisions/security-headers.md says why each header is there.

/**
 * The policy of everything under /api/: JSON, redirects and stored files. A file is shown
 * sandboxed (no script, no forms, a unique origin) so an uploaded page can never act as the app.
 */
export const SANDBOX_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers for every response besides the policy; HSTS only where the app is served over HTTPS. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

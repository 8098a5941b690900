// Real session cookies for the benchmark: each account signs in over HTTP through Auth.js's
// own endpoints (CSRF token, then the credentials callback), exactly as a browser's form does,
// so every measured request carries a session the app made and checks on every load.

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(new URL("/api/auth/csrf", origin));
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(new URL("/api/auth/callback/credentials", origin), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/` }),
  });
  const session = cookiesOf(response).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`Signing in as ${email} gave no session (status ${response.status}, ${response.headers.get("location")})`);
  return session;
}

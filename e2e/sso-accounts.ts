// The people the test identity provider knows (login name → claims), shared by the e2e
// server that starts it and the journeys that sign in through it.
export const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3130);
export const IDP_NAME = "Northbrook SSO";

export const IDP_ACCOUNTS = {
  // A teacher on the roster, with an email the provider has verified.
  "linh-sso": { email: "linh.nguyen@northbrook.test", email_verified: true, name: "Linh Nguyen" },
  // The same email, not verified by the provider: never enough to match.
  "linh-unverified": { email: "linh.nguyen@northbrook.test", email_verified: false, name: "Linh Nguyen" },
  // Someone the roster does not know.
  "visitor-sso": { email: "visitor@elsewhere.test", email_verified: true, name: "A Visitor" },
};

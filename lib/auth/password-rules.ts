// The numbers the password forms show in words, in a module without zod: a client form imports
// them for its hints and fetches its schema only when first used (components/lazy-resolver.ts).
// The schemas (./account-schema.ts, ./password-reset-schema.ts) check the same numbers.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

"use client";

import { useCallback, useState } from "react";

/**
 * One idempotency key per form instance: made once on mount, sent with every attempt (so a retry
 * after a lost response finds what the first attempt made) and renewed after a success, so the
 * next thing this form makes is a new one (docs/decisions/rate-limits-and-idempotency.md).
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(newKey);
  const renew = useCallback(() => setKey(newKey()), []);
  return { key, renew };
}

/** A random (version 4) UUID; crypto.randomUUID exists only on HTTPS pages and localhost. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

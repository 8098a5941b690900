// How a kind of notification may be emailed, in a module without zod: the preferences form
// renders the choices and fetches its schema (./kinds.ts) only when first used
// (components/lazy-resolver.ts).
import type { EmailDelivery } from "@/lib/generated/prisma/enums.ts";

export const DELIVERY_LABELS: Record<EmailDelivery, string> = {
  IMMEDIATE: "Immediately",
  DAILY: "Daily digest",
  WEEKLY: "Weekly digest",
  OFF: "Off",
};
export const DELIVERIES = ["IMMEDIATE", "DAILY", "WEEKLY", "OFF"] as const satisfies readonly EmailDelivery[];

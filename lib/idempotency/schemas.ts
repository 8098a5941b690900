// The idempotency key a create form sends: made once per form in the browser and kept across
// retries, so a retry after a lost response finds what the first attempt made
// (docs/decisions/rate-limits-and-idempotency.md). Shared by the forms' schemas.
import { z } from "zod";

export const idempotencyKeySchema = z.uuid("Reload the page and try again.").optional();

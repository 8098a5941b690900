// Actions that take a form (files among the fields) get whatever a client posts: anything but a
// form is answered as bad input, never with a thrown error (a 500).
import { MESSAGES, type ActionResult } from "@/lib/errors";

export function isForm(input: unknown): input is FormData {
  return input instanceof FormData;
}

export const NOT_A_FORM: ActionResult<never> = { ok: false, code: "INVALID", message: MESSAGES.INVALID };

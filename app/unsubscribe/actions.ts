"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { runPublicAction } from "@/lib/auth/action";
import { NotFoundError } from "@/lib/errors";
import { resubscribe } from "@/lib/notifications/unsubscribe";

const linkSchema = z.object({ v: z.string(), u: z.string(), k: z.string(), s: z.string() });

/** "Turn these emails back on", from the page the link opened: the signed link is the only authority. */
export async function resubscribeAction(input: unknown) {
  return runPublicAction(linkSchema, input, async (link) => {
    const done = await resubscribe(link);
    if (!done) throw new NotFoundError("That link");
    // The kind's name in the language of the page the link opened.
    const t = await getTranslations("email.kinds");
    return { label: t(done.kind.id) };
  });
}

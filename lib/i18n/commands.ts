// A person's interface language, chosen in the header's switcher.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { LOCALES, type Locale } from "./locales";

export const chooseLocaleSchema = z.object({ locale: z.enum(LOCALES) });

/** Only ever the actor's own row: the language is theirs, whatever membership they act in. */
export async function chooseLocale(actor: Actor, input: unknown): Promise<{ locale: Locale }> {
  const { locale } = chooseLocaleSchema.parse(input);
  await db.user.update({ where: { id: actor.id }, data: { locale }, select: { id: true } });
  return { locale };
}

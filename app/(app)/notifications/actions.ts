"use server";

// Marking one notification read: a public endpoint like every action — parsed, the actor found,
// and the lib command confines it to the actor's own notifications.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { markRead } from "@/lib/notifications/queries";

const markReadSchema = z.object({ notificationId: z.string().trim().min(1).max(64) });

export async function markReadAction(input: unknown) {
  const result = await runAction(markReadSchema, input, markRead);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

"use server";

// Server actions of the retention page. Each is a public endpoint: runAction parses with the
// form's schema, finds the actor, and the lib command authorizes them (district admins only).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { deleteDueStudents } from "@/lib/retention/commands";
import { setRetention } from "@/lib/retention/policy";
import { deleteDueSchema, retentionPolicySchema } from "@/lib/retention/schemas";

export async function setRetentionAction(input: unknown) {
  const result = await runAction(retentionPolicySchema, input, setRetention);
  if (result.ok) revalidatePath("/admin/retention");
  return result;
}

export async function deleteDueAction(input: unknown) {
  const result = await runAction(deleteDueSchema, input, (actor, data) => deleteDueStudents(actor, data));
  if (result.ok) {
    revalidatePath("/admin/retention");
    revalidatePath("/admin/deletions");
  }
  return result;
}

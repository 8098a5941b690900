"use server";

import { isForm, NOT_A_FORM } from "@/lib/auth/form-input";
// The framework upload of /admin/standards. A public endpoint: runAction parses the form,
// finds the actor, and the import lets through only an administrator of the owner.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { importFramework } from "@/lib/standards/commands";
import { frameworkUploadSchema } from "@/lib/standards/schemas";

export async function importFrameworkAction(form: FormData) {
  if (!isForm(form)) return NOT_A_FORM;
  const file = form.get("file");
  const result = await runAction(
    frameworkUploadSchema,
    { organizationId: form.get("organizationId") ?? "", file: typeof file === "object" && file !== null ? file : undefined },
    importFramework,
  );
  if (result.ok) revalidatePath("/admin/standards");
  return result;
}

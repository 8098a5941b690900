"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import { ROLE_LABEL } from "@/lib/auth/role-labels";
import type { ServerAction } from "@/lib/errors";
import type { AddMembershipInput } from "@/lib/people/admin-schemas";
import { ROLES } from "@/lib/people/options";
import { OrganizationOptions, type OrganizationOption } from "./person-create-form";
import { StatusMessage } from "./status-message";

const resolver = lazyZodResolver<AddMembershipInput>(() => import("@/lib/people/admin-schemas").then((m) => m.addMembershipSchema));

/** Gives the person another role at a school the admin runs. */
export function MembershipForm({
  userId,
  organizations,
  add,
}: {
  userId: string;
  organizations: OrganizationOption[];
  add: ServerAction<AddMembershipInput, { id: string }>;
}) {
  const router = useRouter();
  const initial = { userId, organizationId: organizations.length === 1 ? (organizations[0]?.id ?? "") : "" };
  const form = useForm<AddMembershipInput>({ resolver, defaultValues: initial });
  const server = useServerErrors(form);
  const [added, setAdded] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(null);
    if (!server.apply(await add(values))) return;
    form.reset(initial);
    setAdded("Role added.");
    router.refresh();
  });
  const control = (id: string, error?: string) => ({ id, className: inputClass, ...describedBy(id, { error }) });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Add a role" className="space-y-3">
      <FormError message={server.error} />
      <StatusMessage message={added} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="membership-role" label="Role" error={errors.role?.message}>
          <select {...control("membership-role", errors.role?.message)} {...form.register("role")}>
            <option value="">Choose a role…</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="membership-organizationId" label="At" error={errors.organizationId?.message}>
          <select {...control("membership-organizationId", errors.organizationId?.message)} {...form.register("organizationId")}>
            <OrganizationOptions organizations={organizations} />
          </select>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add role"}
      </Button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import { ROLE_LABEL } from "@/lib/auth/role-labels";
import type { ServerAction } from "@/lib/errors";
import type { CreatePersonInput } from "@/lib/people/admin-schemas";
import { GRADE_LEVELS, gradeLabel, ROLES } from "@/lib/people/options";

const resolver = lazyZodResolver<CreatePersonInput>(() => import("@/lib/people/admin-schemas").then((m) => m.createPersonSchema));

export type OrganizationOption = { id: string; name: string; type: "DISTRICT" | "SCHOOL" };

export function GradeOptions({ empty = "Choose a grade…" }: { empty?: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {GRADE_LEVELS.map((g) => (
        <option key={g} value={g}>
          {gradeLabel(g)}
        </option>
      ))}
    </>
  );
}

export function OrganizationOptions({ organizations }: { organizations: OrganizationOption[] }) {
  return (
    <>
      {organizations.length > 1 ? <option value="">Choose…</option> : null}
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.type === "DISTRICT" ? `${o.name} (the whole district: admins only)` : o.name}
        </option>
      ))}
    </>
  );
}

/** Adds a person. No password: they sign in through the school's account or set one from an emailed link. */
export function PersonCreateForm({
  organizations,
  create,
}: {
  organizations: OrganizationOption[];
  create: ServerAction<CreatePersonInput, { id: string; link: "sent" | "failed" | null }>;
}) {
  const router = useRouter();
  const form = useForm<CreatePersonInput>({
    resolver,
    defaultValues: {
      name: "",
      email: "",
      organizationId: organizations.length === 1 ? organizations[0]?.id : "",
      gradeLevel: "",
      sendLink: true,
    },
    mode: "onTouched",
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create(values);
    if (!server.apply(result) || !result.ok) return;
    const done = result.data.link === "sent" ? "created-link-sent" : result.data.link === "failed" ? "created-link-failed" : "created";
    router.push(`/admin/people/${result.data.id}?done=${done}`);
  });
  const control = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <FormError message={server.error} />
      <Field id="name" label="Full name" error={errors.name?.message}>
        <input autoComplete="off" {...control("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="email" label="Email" hint="They sign in with this address and get their messages there." error={errors.email?.message}>
        <input type="email" autoComplete="off" {...control("email", errors.email?.message, true)} {...form.register("email")} />
      </Field>
      <Field id="role" label="Role" error={errors.role?.message}>
        <select {...control("role", errors.role?.message)} {...form.register("role")}>
          <option value="">Choose a role…</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="organizationId" label="School" error={errors.organizationId?.message}>
        <select {...control("organizationId", errors.organizationId?.message)} {...form.register("organizationId")}>
          <OrganizationOptions organizations={organizations} />
        </select>
      </Field>
      {role === "STUDENT" ? (
        <Field id="gradeLevel" label="Grade" error={errors.gradeLevel?.message}>
          <select {...control("gradeLevel", errors.gradeLevel?.message)} {...form.register("gradeLevel")}>
            <GradeOptions />
          </select>
        </Field>
      ) : null}
      <div className="flex items-start gap-2">
        <input id="sendLink" type="checkbox" className="mt-1" aria-describedby="sendLink-hint" {...form.register("sendLink")} />
        <div>
          <label htmlFor="sendLink" className="text-sm font-medium text-slate-800">
            Email them a link to set a password
          </label>
          <p id="sendLink-hint" className="text-xs text-slate-600">
            Leave this off for people who sign in with their school account.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add person"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

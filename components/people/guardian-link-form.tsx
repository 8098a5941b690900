"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { PickPeopleInput } from "@/lib/people/admin-schemas";
import type { LinkGuardianInput } from "@/lib/people/schemas";
import { PersonPicker, type PickedPerson } from "./person-picker";
import { StatusMessage } from "./status-message";

const resolver = lazyZodResolver<LinkGuardianInput>(() => import("@/lib/people/schemas").then((m) => m.linkGuardianSchema));

/**
 * Links a parent or guardian to a student. On a student's page it finds the guardian; on a
 * guardian's page, the child.
 */
export function GuardianLinkForm({
  person,
  side,
  search,
  link,
}: {
  person: { id: string };
  /** Whom this form picks: the guardian (on a student's page) or the student (on a guardian's). */
  side: "guardian" | "student";
  search: ServerAction<PickPeopleInput, PickedPerson[]>;
  link: ServerAction<LinkGuardianInput, { id: string }>;
}) {
  const router = useRouter();
  const field = side === "guardian" ? "guardianId" : "studentId";
  const initial = {
    guardianId: side === "student" ? person.id : "",
    studentId: side === "guardian" ? person.id : "",
    relationship: "Parent",
  };
  const form = useForm<LinkGuardianInput>({ resolver, defaultValues: initial });
  const server = useServerErrors(form);
  const [linked, setLinked] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const { errors, isSubmitting } = form.formState;
  const relationshipError = errors.relationship?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    setLinked(null);
    if (!server.apply(await link(values))) return;
    form.reset(initial);
    setPickerKey((k) => k + 1);
    setLinked("Linked.");
    router.refresh();
  });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      aria-label={side === "guardian" ? "Link a parent or guardian" : "Link a child"}
      className="space-y-3"
    >
      <FormError message={server.error} />
      <StatusMessage message={linked} />
      <Controller
        control={form.control}
        name={field}
        render={({ field: f }) => (
          <PersonPicker
            key={pickerKey}
            id={`link-${field}`}
            label={side === "guardian" ? "Find a parent or guardian" : "Find a student"}
            role={side === "guardian" ? "GUARDIAN" : "STUDENT"}
            search={search}
            value={f.value}
            onChange={f.onChange}
            inputRef={f.ref}
            error={
              // The server says why a choice is refused; an empty choice gets the same words everywhere.
              errors[field]
                ? errors[field]?.type === "server"
                  ? errors[field]?.message
                  : "Search for a person and choose one."
                : undefined
            }
          />
        )}
      />
      <Field id="link-relationship" label="Relationship" hint="Mother, father, grandparent, foster parent…" error={relationshipError}>
        <input
          id="link-relationship"
          className={inputClass}
          {...describedBy("link-relationship", { hint: true, error: relationshipError })}
          {...form.register("relationship")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Linking…" : "Link"}
      </Button>
    </form>
  );
}

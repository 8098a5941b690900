"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { DistrictYearInput, SchoolYearFormInput } from "@/lib/agreements/settings-schemas";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<SchoolYearFormInput>(() =>
  import("@/lib/agreements/settings-schemas").then((m) => m.schoolYearFormSchema),
);

/** The first and last day of an organization's school year; a school may go back to the district's. */
export function SchoolYearForm({
  initial,
  done,
  save,
  followDistrict,
}: {
  initial: SchoolYearFormInput;
  done: { saved: string; removed: string };
  save: ServerAction<SchoolYearFormInput, { startsOn: string; endsOn: string }>;
  /** Given for a school with its own dates: stop overriding the district's. */
  followDistrict?: ServerAction<DistrictYearInput, { organizationId: string }>;
}) {
  const router = useRouter();
  const form = useForm<SchoolYearFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const [removing, setRemoving] = useState(false);
  const { errors, isSubmitting } = form.formState;
  const busy = isSubmitting || removing;

  const onSubmit = form.handleSubmit(async (values) => {
    if (server.apply(await save(values))) router.push(done.saved);
  });
  async function onFollowDistrict() {
    if (!followDistrict) return;
    setRemoving(true);
    const result = await followDistrict({ organizationId: initial.organizationId, loaded: initial.loaded });
    setRemoving(false);
    if (server.apply(result)) router.push(done.removed);
  }

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="School year" className="space-y-4">
      <FormError message={server.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="startsOn" label="First day" error={errors.startsOn?.message}>
          <input
            id="startsOn"
            type="date"
            className={inputClass}
            {...describedBy("startsOn", { error: errors.startsOn?.message })}
            {...form.register("startsOn", { deps: ["endsOn"] })}
          />
        </Field>
        <Field id="endsOn" label="Last day" error={errors.endsOn?.message}>
          <input
            id="endsOn"
            type="date"
            className={inputClass}
            {...describedBy("endsOn", { error: errors.endsOn?.message })}
            {...form.register("endsOn")}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {isSubmitting ? "Saving…" : "Save school year"}
        </Button>
        {followDistrict ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={onFollowDistrict}>
            {removing ? "Removing…" : "Use the district's school year instead"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { GroupActivityResult } from "@/lib/groups/commands";
import type { GroupActivityInput } from "@/lib/groups/schemas";

const resolver = lazyZodResolver<GroupActivityInput>(() => import("@/lib/groups/schemas").then((m) => m.groupActivitySchema));

/** A shared activity for a saved group: added to each member's active plan. */
export function GroupActivityForm({ groupId, action }: { groupId: string; action: ServerAction<GroupActivityInput, GroupActivityResult> }) {
  const router = useRouter();
  const [result, setResult] = useState<{ n: number; data: GroupActivityResult } | null>(null);
  const form = useForm<GroupActivityInput>({
    resolver,
    defaultValues: { groupId, description: "", timing: "" },
  });
  const server = useServerErrors(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    const answer = await action(values);
    if (!server.apply(answer) || !answer.ok) return;
    setResult((r) => ({ n: (r?.n ?? 0) + 1, data: answer.data }));
    form.reset({ groupId, description: "", timing: "" });
    router.refresh();
  });
  const id = (k: string) => `activity-${groupId}-${k}`;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-3">
      <FormError message={server.error} />
      <Field id={id("description")} label="Shared activity" error={errors.description?.message}>
        <input
          id={id("description")}
          className={inputClass}
          {...describedBy(id("description"), { error: errors.description?.message })}
          {...form.register("description")}
        />
      </Field>
      <Field id={id("timing")} label="When or how often" error={errors.timing?.message}>
        <input
          id={id("timing")}
          className={inputClass}
          {...describedBy(id("timing"), { error: errors.timing?.message })}
          {...form.register("timing")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Adding…" : "Add to members’ plans"}
      </Button>
      {result ? (
        <FocusedStatus key={result.n}>
          {result.data.added.length ? `Added to the plans of ${result.data.added.map((m) => m.name).join(", ")}.` : "Added to no plan."}
          {result.data.skipped.length
            ? ` Not added for ${result.data.skipped.map((m) => m.name).join(", ")}: no active plan with a goal on this group’s standards.`
            : ""}
        </FocusedStatus>
      ) : null}
    </form>
  );
}

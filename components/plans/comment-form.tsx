"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { commentSchema, type CommentInput } from "@/lib/plans/schemas";

export function CommentForm({ planId, action }: { planId: string; action: ServerAction<CommentInput, { id: string }> }) {
  const router = useRouter();
  const form = useForm<CommentInput>({ resolver: zodResolver(commentSchema), defaultValues: { planId, body: "" } });
  const server = useServerErrors(form);
  const error = form.formState.errors.body?.message;
  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await action(values))) return;
    form.reset({ planId, body: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={server.error} />
      <Field id="comment-body" label="Add a comment" error={error}>
        <textarea
          id="comment-body"
          rows={3}
          className={inputClass}
          {...describedBy("comment-body", { error })}
          {...form.register("body")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Posting…" : "Post comment"}
      </Button>
    </form>
  );
}

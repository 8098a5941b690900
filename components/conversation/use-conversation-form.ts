"use client";

import { useRouter } from "next/navigation";
import type { DefaultValues, FieldValues } from "react-hook-form";
import { useForm } from "react-hook-form";
import type { LazyResolver } from "@/components/lazy-resolver";
import { useIdempotencyKey } from "@/components/use-idempotency-key";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { focusWhenShown } from "./focus";

/**
 * A conversation form: validates with its schema (through `resolver`, made once at module level
 * with lazyZodResolver, so zod is fetched when a form is first used, not with the page), posts to its action with the form's
 * idempotency key, keeps what was typed when that fails, and on success empties itself,
 * refreshes the page and moves focus to what was posted (`focusId` of the new record's id).
 */
export function useConversationForm<T extends FieldValues>({
  resolver,
  defaults,
  action,
  focusId,
  onDone,
}: {
  resolver: LazyResolver<T>;
  defaults: DefaultValues<T>;
  action: ServerAction<T, { id: string }>;
  focusId: (id: string) => string;
  onDone?: () => void;
}) {
  const router = useRouter();
  const form = useForm<T>({ resolver, defaultValues: defaults });
  const server = useServerErrors(form);
  const idempotency = useIdempotencyKey();
  const onSubmit = form.handleSubmit(async (values) => {
    // The same key on every attempt until one succeeds: a retry after a lost answer posts nothing twice.
    const result = await action({ ...values, idempotencyKey: idempotency.key });
    if (!server.apply(result) || !result.ok) return;
    idempotency.renew();
    form.reset(defaults);
    onDone?.();
    router.refresh();
    focusWhenShown(focusId(result.data.id));
  });
  return { form, server, onSubmit };
}

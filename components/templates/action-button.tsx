"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type Variant } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { plansCreatedMessage } from "./plans-created";
import { StatusMessage } from "@/components/people/status-message";

/**
 * What happens after it worked (data, not a function: server pages pass it): a message
 * shown and focused, "N plans were created", or a page to go to (the new plan's).
 */
export type AfterAction = { message: string } | { plansCreated: true } | { goTo: string } | { goToPlan: true };

type Props<I> = {
  action: ServerAction<I, unknown>;
  input: I;
  label: string;
  variant?: Variant;
  after: AfterAction;
};

/** One button that runs one server action and says what happened: sync, archive, unlink, start a plan. */
export function ActionButton<I>({ action, input, label, variant = "secondary", after }: Props<I>) {
  const t = useTranslations("templates");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    setStatus(null);
    const result = await action(input);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const data = result.data as { id?: string; created?: number } | null;
    if ("goTo" in after || ("goToPlan" in after && data?.id)) {
      router.push("goTo" in after ? after.goTo : `/plans/${data?.id}`);
      return;
    }
    setStatus("message" in after ? after.message : plansCreatedMessage(t, data?.created ?? 0));
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <StatusMessage message={status} />
      <Button type="button" variant={variant} disabled={busy} onClick={() => void run()}>
        {busy ? t("working") : label}
      </Button>
    </div>
  );
}

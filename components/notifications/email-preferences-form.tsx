"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { EmailDelivery } from "@/lib/generated/prisma/enums.ts";
import { DELIVERIES } from "@/lib/notifications/deliveries";
import type { KindId, PreferencesInput } from "@/lib/notifications/kinds";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<PreferencesInput>(() => import("@/lib/notifications/kinds").then((m) => m.preferencesSchema));

type KindChoice = { id: KindId; label: string; who: string; defaultDelivery: EmailDelivery; delivery: EmailDelivery };

/** One group of four choices per kind of notification; saved together. */
export function EmailPreferencesForm({
  kinds,
  action,
}: {
  kinds: KindChoice[];
  action: ServerAction<PreferencesInput, { changed: number }>;
}) {
  const t = useTranslations("notifications.email");
  const form = useForm<PreferencesInput>({
    resolver,
    defaultValues: { deliveries: Object.fromEntries(kinds.map((k) => [k.id, k.delivery])) },
  });
  const { error, apply } = useServerErrors(form);
  const [saved, setSaved] = useState(0);
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(0);
    const result = await action(values);
    apply(result);
    if (result.ok) setSaved((n) => n + 1);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <FormError message={error} />
      {kinds.map((k) => (
        <fieldset key={k.id} className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby={`kind-${k.id}-who`}>
          <legend className="px-1 font-medium">{t(`kinds.${k.id}.label`)}</legend>
          <p id={`kind-${k.id}-who`} className="mb-2 text-sm text-slate-700">
            {t("unlessYouChoose", { who: t(`kinds.${k.id}.who`), delivery: t(`deliveryLower.${k.defaultDelivery}`) })}
          </p>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {DELIVERIES.map((d) => (
              <label key={d} className="flex min-h-6 items-center gap-2 text-sm">
                <input type="radio" value={d} {...form.register(`deliveries.${k.id}`)} />
                {t(`delivery.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {saved ? <FocusedStatus key={saved}>{t("saved")}</FocusedStatus> : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

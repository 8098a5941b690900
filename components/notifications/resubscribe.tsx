"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";

type Link = { v: string; u: string; k: string; s: string };

/** Undo on the unsubscribe page: the same signed link turns the kind back on. */
export function Resubscribe({ link, action }: { link: Link; action: ServerAction<Link, { label: string }> }) {
  const t = useTranslations("notifications.resubscribe");
  const locale = useLocale();
  const [state, setState] = useState<{ done?: string; error?: string }>({});
  const [busy, setBusy] = useState(false);
  if (state.done) return <FocusedStatus className="mt-4">{t("backOn", { kind: state.done.toLocaleLowerCase(locale) })}</FocusedStatus>;
  return (
    <div className="mt-4 space-y-3">
      <FormError message={state.error} />
      <Button
        type="button"
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await action(link);
          setBusy(false);
          setState(result.ok ? { done: result.data.label } : { error: result.message });
        }}
      >
        {t("turnBackOn")}
      </Button>
    </div>
  );
}

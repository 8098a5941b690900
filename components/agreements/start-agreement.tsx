"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";

/** Starts an independent study plan's agreement: the four core subjects listed, everything else to fill in. */
export function StartAgreement({ planId, action }: { planId: string; action: ServerAction<{ planId: string }, { planId: string }> }) {
  const t = useTranslations("agreements");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await action({ planId });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          router.refresh();
        }}
      >
        {busy ? t("starting") : t("start")}
      </Button>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/errors";

export function MarkReadButton({ action }: { action: ServerAction<Record<string, never>, unknown> }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await action({});
          router.refresh();
        })
      }
    >
      {t("markAllRead")}
    </Button>
  );
}

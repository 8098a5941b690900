"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ServerAction } from "@/lib/errors";

/**
 * "Mark as read" on one notification. Afterwards focus goes to the notification itself, which now
 * reads as read, so a keyboard or screen-reader user stays where they were.
 */
export function MarkOneRead({
  notificationId,
  title,
  action,
}: {
  notificationId: string;
  title: string;
  action: ServerAction<{ notificationId: string }, unknown>;
}) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        // The visible words first, then which notification: a screen reader hears them apart.
        aria-label={t("markReadOf", { title })}
        disabled={pending}
        className="min-h-6 rounded px-1 text-xs font-medium text-indigo-800 underline hover:text-indigo-950 disabled:opacity-60"
        onClick={() =>
          start(async () => {
            const result = await action({ notificationId });
            if (!result.ok) {
              setError(result.message);
              return;
            }
            router.refresh();
            document.getElementById(`notification-${notificationId}`)?.focus();
          })
        }
      >
        {t("markRead")}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </>
  );
}

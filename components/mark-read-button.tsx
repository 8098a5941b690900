"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markAllReadAction } from "@/app/(app)/actions";
import { Button } from "@/components/ui/button";

export function MarkReadButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await markAllReadAction();
          router.refresh();
        })
      }
    >
      Mark all as read
    </Button>
  );
}

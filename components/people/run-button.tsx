"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button, type Variant } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { StatusMessage } from "./status-message";

type Props<I> = {
  action: ServerAction<I, unknown>;
  input: I;
  label: string;
  variant?: Variant;
  /** Asked first, in place, with a button that does it and one that does not. */
  confirm?: { question: string; yes: string };
  /** Shown (and focused) after it worked, when the page stays. */
  done?: string;
  /** Where to go after it worked (an action may also answer with `redirectTo`). */
  href?: string;
};

/** One button that runs one server action: end, disable, unlink, send a link… */
export function RunButton<I>({ action, input, label, variant = "secondary", confirm, done, href }: Props<I>) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await action(input);
    setBusy(false);
    setAsking(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const to = (result.data as { redirectTo?: string | null } | null)?.redirectTo ?? href;
    if (to) {
      router.push(to);
      return;
    }
    setStatus(typeof done === "string" ? done : "Done.");
    router.refresh();
  }

  if (asking && confirm) {
    return (
      <div role="group" aria-labelledby={questionId} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
        <p id={questionId} ref={question} tabIndex={-1} className="text-sm text-amber-950 outline-none">
          {confirm.question}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant={variant === "danger" ? "danger" : "primary"} disabled={busy} onClick={run}>
            {busy ? "Working…" : confirm.yes}
          </Button>
          <Button type="button" variant="ghost" disabled={busy} onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <StatusMessage message={status} />
      <Button
        type="button"
        variant={variant}
        disabled={busy}
        onClick={() => {
          setStatus(null);
          if (confirm) {
            setAsking(true);
            // Focus the question once it is on the page.
            requestAnimationFrame(() => question.current?.focus());
          } else void run();
        }}
      >
        {busy ? "Working…" : label}
      </Button>
    </div>
  );
}

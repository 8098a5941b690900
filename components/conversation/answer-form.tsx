"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { OpeningForm } from "@/components/ui/on-demand";
import type { AnswerProps } from "./answer-fields";

// The form, and react-hook-form with it, is fetched when someone opens one, not with the page.
const AnswerFields = dynamic(() => import("./answer-fields").then((m) => m.AnswerFields), { ssr: false, loading: OpeningForm });

/**
 * A button that opens a short answer form in place (a reply to a thread, an answer to a
 * reflection). Posting empties it, closes it and moves focus to what was posted;
 * cancelling returns focus to the button.
 */
export function AnswerForm<T extends { body: string }>(props: AnswerProps<T>) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => toggle.current?.focus());
  };
  if (!open)
    return (
      <button ref={toggle} type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        {props.words.open}
      </button>
    );
  // next/dynamic loses the type parameter; the props are AnswerProps<T> all the same.
  const Fields = AnswerFields as unknown as (p: AnswerProps<T> & { onDone: () => void; onCancel: () => void }) => React.ReactNode;
  return <Fields {...props} onDone={() => close(false)} onCancel={() => close(true)} />;
}

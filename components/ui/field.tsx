import { useLocale, useMessages } from "next-intl";
import type { ReactNode } from "react";
import { messageText } from "@/lib/i18n/keys";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-rose-600 focus:border-indigo-600";

/** A labelled form control with its hint and its error right beside it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const shown = useMessageText(error);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {shown ? (
        <p id={`${id}-error`} className="text-sm text-rose-700" role="alert">
          {shown}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes that tie a control to its hint and error. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return { "aria-invalid": opts.error ? true : undefined, "aria-describedby": ids.length ? ids.join(" ") : undefined };
}

/** A message that may be a catalogue key, with values or not (schemas name their messages by key), in the page's language. */
export function useMessageText(text: string | null | undefined): string | null | undefined {
  const messages = useMessages();
  const locale = useLocale();
  return text ? (messageText(messages, text, locale) ?? text) : text;
}

export function FormError({ message }: { message?: string | null }) {
  const shown = useMessageText(message);
  if (!shown) return null;
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800">
      {shown}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { buttonClass, type Variant } from "./button";

/**
 * A button that opens what it names (`label`: a form, usually loaded with next/dynamic so its code
 * comes when first asked for, not with the page) and closes it again. `children` get an onClose
 * that closes it with focus back on the button. Open state is its own unless `open` and
 * `onOpenChange` are given (a queue opens the next item's form itself).
 */
export function OnDemand({
  label,
  text,
  variant = "secondary",
  open: controlled,
  onOpenChange,
  children,
}: {
  label?: string;
  text: string;
  variant?: Variant;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: (onClose: () => void) => ReactNode;
}) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = onOpenChange ?? setOwn;
  // Found by id, not a ref: `close` is handed to the children while rendering.
  const buttonId = useId();
  const panelId = `${buttonId}-panel`;
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };
  return (
    <div className="space-y-3">
      <button
        id={buttonId}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        className={buttonClass(variant)}
      >
        {text}
      </button>
      {open ? <div id={panelId}>{children(close)}</div> : null}
    </div>
  );
}

/** What shows while an on-demand form's code arrives (next/dynamic's `loading`). */
export function OpeningForm() {
  const t = useTranslations("common");
  return (
    <p role="status" className="text-sm text-slate-700">
      {t("openingForm")}
    </p>
  );
}

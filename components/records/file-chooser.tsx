"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useMessageText } from "@/components/ui/field";
import { ACCEPT_ATTRIBUTE, formatBytes } from "@/lib/evidence/files";

/**
 * Photos and files for a record. On a phone "Take a photo" opens the camera (`capture`),
 * "Choose photos or files" the gallery or files; chosen files are listed with a Remove
 * button each, and stay chosen when the form shows an error.
 */
export function FileChooser({
  prefix,
  files,
  onChange,
  error,
}: {
  prefix: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  error?: string;
}) {
  const t = useTranslations("records.files");
  const shownError = useMessageText(error);
  const uid = useId();
  const list = useRef<HTMLUListElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  // After "Remove" the pressed button is gone: focus stays in the chooser, on the next file's
  // Remove (or the one before it), or on "Choose photos or files" once none is left.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]");
    const next = buttons?.length ? buttons[Math.min(at, buttons.length - 1)] : undefined;
    (next ?? picker.current)?.focus();
  }, [files]);
  const add = (chosen: FileList | null, input: HTMLInputElement) => {
    if (chosen?.length) onChange([...files, ...Array.from(chosen)]);
    // The same photo can be chosen again after removing it.
    input.value = "";
  };
  const hint = `${prefix}-files-hint`;
  const errorId = `${prefix}-files-error`;
  const describedBy = [hint, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <p id={hint} className="text-xs text-slate-600">
        {t("hint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 focus-within:outline-2 focus-within:outline-indigo-600 hover:bg-slate-100">
          {t("takePhoto")}
          <input
            id={`${prefix}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            aria-invalid={error ? true : undefined}
            onChange={(e) => add(e.target.files, e.target)}
          />
        </label>
        <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 focus-within:outline-2 focus-within:outline-indigo-600 hover:bg-slate-100">
          {t("choose")}
          <input
            ref={picker}
            id={`${prefix}-files`}
            type="file"
            multiple
            accept={`image/*,${ACCEPT_ATTRIBUTE}`}
            className="sr-only"
            aria-invalid={error ? true : undefined}
            onChange={(e) => add(e.target.files, e.target)}
          />
        </label>
      </div>
      {files.length ? (
        <ul ref={list} aria-label={t("chosen")} className="space-y-1">
          {files.map((f, i) => (
            <li
              key={`${uid}-${i}-${f.name}`}
              className="flex items-center justify-between gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm"
            >
              <span className="min-w-0 truncate">
                {f.name} <span className="text-slate-600">({formatBytes(f.size)})</span>
              </span>
              <Button
                type="button"
                variant="ghost"
                data-remove
                aria-label={t("removeOf", { name: f.name })}
                onClick={() => {
                  refocus.current = i;
                  onChange(files.filter((_, j) => j !== i));
                }}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {shownError ? (
        <p id={errorId} className="text-sm text-rose-700" role="alert">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}

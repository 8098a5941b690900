"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";
import { formatBytes } from "@/lib/evidence/files";

export type AttachmentItem = {
  id: string;
  kind: "FILE" | "LINK";
  title: string;
  url: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
};

const fileHref = (id: string) => `/api/records/attachments/${id}/file`;
const nameOf = (a: AttachmentItem) => (a.kind === "FILE" ? (a.fileName ?? a.title) : (a.url ?? a.title));

/**
 * A record's photos, files and links; photos shown small. The student may remove each, asked
 * first in place (a stored file is deleted for good); the result is announced above the list and
 * takes focus, since the item and its buttons are gone.
 */
export function AttachmentList({
  recordId,
  items,
  remove,
}: {
  recordId: string;
  items: readonly AttachmentItem[];
  remove?: ServerAction<{ recordId: string; attachmentId: string }, { id: string }>;
}) {
  const t = useTranslations("records.attachments");
  const router = useRouter();
  const uid = useId();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const question = useRef<HTMLParagraphElement>(null);

  const backTo = (id: string) => requestAnimationFrame(() => openers.current.get(id)?.focus());

  async function confirm(a: AttachmentItem) {
    if (!remove) return;
    setBusy(true);
    const result = await remove({ recordId, attachmentId: a.id }).catch(() => null);
    setBusy(false);
    setAsking(null);
    if (!result?.ok) {
      setError(result?.message ?? t("notRemoved"));
      backTo(a.id);
      return;
    }
    setError(null);
    setDone({ id: a.id, text: t("removed", { name: nameOf(a) }) });
    router.refresh();
  }

  return (
    <div className="space-y-2">
      {done ? <FocusedStatus key={done.id}>{done.text}</FocusedStatus> : null}
      <FormError message={error} />
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((a) => {
            const name = nameOf(a);
            const questionId = `${uid}-${a.id}`;
            return (
              <li key={a.id} className="space-y-2 rounded-md border border-slate-200 bg-white p-2 text-sm">
                <div className="flex flex-wrap items-center gap-3">
                  {a.kind === "FILE" && a.fileType?.startsWith("image/") ? (
                    // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked route, not optimizable
                    <img src={fileHref(a.id)} alt={t("photo", { name })} className="h-20 w-20 rounded object-cover" loading="lazy" />
                  ) : null}
                  <span className="min-w-0 flex-1 break-words">
                    {a.kind === "FILE" ? (
                      <a href={fileHref(a.id)} className="underline">
                        {name}
                      </a>
                    ) : (
                      <a href={a.url ?? "#"} className="underline" rel="noopener noreferrer nofollow" target="_blank">
                        {name} <span className="sr-only">{t("newTab")}</span>
                      </a>
                    )}
                    {a.fileSize ? <span className="text-slate-600"> ({formatBytes(a.fileSize)})</span> : null}
                  </span>
                  {remove && asking !== a.id ? (
                    <button
                      ref={(el) => {
                        if (el) openers.current.set(a.id, el);
                        else openers.current.delete(a.id);
                      }}
                      type="button"
                      className={buttonClass("ghost")}
                      disabled={busy}
                      aria-label={t("removeOf", { name })}
                      onClick={() => {
                        setAsking(a.id);
                        setDone(null);
                        requestAnimationFrame(() => question.current?.focus());
                      }}
                    >
                      {t("remove")}
                    </button>
                  ) : null}
                </div>
                {remove && asking === a.id ? (
                  <div role="group" aria-labelledby={questionId} className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-2">
                    <p id={questionId} ref={question} tabIndex={-1} className="text-rose-950 outline-none">
                      {a.kind === "FILE" ? t("askFile", { name }) : t("askLink", { name })}
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <Button type="button" variant="danger" disabled={busy} onClick={() => confirm(a)}>
                        {busy ? t("removing") : t("confirm")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        disabled={busy}
                        onClick={() => {
                          setAsking(null);
                          backTo(a.id);
                        }}
                      >
                        {t("keep")}
                      </Button>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

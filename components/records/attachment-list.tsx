"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
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

/** A record's photos, files and links; photos shown small; the student may remove each. */
export function AttachmentList({
  recordId,
  items,
  remove,
}: {
  recordId: string;
  items: readonly AttachmentItem[];
  remove?: ServerAction<{ recordId: string; attachmentId: string }, { id: string }>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return <p className="text-sm text-slate-700">No photos, files or links.</p>;
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <ul className="space-y-2">
        {items.map((a) => {
          const name = a.kind === "FILE" ? (a.fileName ?? a.title) : (a.url ?? a.title);
          return (
            <li key={a.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-2 text-sm">
              {a.kind === "FILE" && a.fileType?.startsWith("image/") ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked route, not optimizable
                <img src={fileHref(a.id)} alt={`Photo: ${name}`} className="h-20 w-20 rounded object-cover" loading="lazy" />
              ) : null}
              <span className="min-w-0 flex-1 break-words">
                {a.kind === "FILE" ? (
                  <a href={fileHref(a.id)} className="underline">
                    {name}
                  </a>
                ) : (
                  <a href={a.url ?? "#"} className="underline" rel="noopener noreferrer nofollow" target="_blank">
                    {name} <span className="sr-only">(opens in a new tab)</span>
                  </a>
                )}
                {a.fileSize ? <span className="text-slate-600"> ({formatBytes(a.fileSize)})</span> : null}
              </span>
              {remove ? (
                <Button
                  type="button"
                  variant="ghost"
                  disabled={busy !== null}
                  aria-label={`Remove ${name}`}
                  onClick={async () => {
                    setBusy(a.id);
                    const result = await remove({ recordId, attachmentId: a.id });
                    setBusy(null);
                    setError(result.ok ? null : result.message);
                    router.refresh();
                  }}
                >
                  {busy === a.id ? "Removing…" : "Remove"}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

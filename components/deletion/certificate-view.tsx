import { formatTime } from "@/lib/dates";
import { REASON_LABEL, removedLines, WHAT_STAYS } from "@/lib/people/certificate-words";

export type CertificateFacts = {
  id: string;
  subjectRef: string;
  subjectName: string;
  subjectSourcedId: string | null;
  reason: string;
  removed: unknown;
  deletedByName: string;
  createdAt: Date;
};

/** One certificate in words: who, why, when, by whom, and what was removed. */
export function CertificateView({ certificate: c }: { certificate: CertificateFacts }) {
  const lines = removedLines(c.removed);
  return (
    <div className="space-y-6">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Person deleted</dt>
        <dd>{c.subjectName}</dd>
        <dt className="font-medium text-slate-700">Roster id</dt>
        <dd>{c.subjectSourcedId ?? "—"}</dd>
        <dt className="font-medium text-slate-700">Reference number</dt>
        <dd className="break-all">{c.subjectRef}</dd>
        <dt className="font-medium text-slate-700">Why</dt>
        <dd>{REASON_LABEL[c.reason] ?? c.reason}</dd>
        <dt className="font-medium text-slate-700">When</dt>
        <dd>{formatTime(c.createdAt)}</dd>
        <dt className="font-medium text-slate-700">Deleted by</dt>
        <dd>{c.deletedByName}</dd>
      </dl>
      <section aria-labelledby="removed-heading" className="space-y-2">
        <h2 id="removed-heading" className="text-lg font-semibold">
          What was removed
        </h2>
        {lines.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">Their account only: no other records were held.</p>
        )}
      </section>
      <section aria-labelledby="stays-heading" className="space-y-2">
        <h2 id="stays-heading" className="text-lg font-semibold">
          What stays
        </h2>
        <p className="text-sm text-slate-700">{WHAT_STAYS}</p>
      </section>
    </div>
  );
}

import Link from "next/link";
import { FocusedStatus } from "@/components/ui/focused-status";

export type RetentionOutcome = { deleted: number; kept: number; failed: number };

const noun = (k: number) => `${k} ${k === 1 ? "student" : "students"}`;

/** What the last retention deletion did, read from the page's address; it takes focus when it appears. */
export function RetentionResult({ deleted, kept, failed }: RetentionOutcome) {
  return (
    <FocusedStatus key={`${deleted}-${kept}-${failed}`}>
      {noun(deleted)} deleted.
      {kept ? ` ${noun(kept)} no longer due and kept.` : ""}
      {failed
        ? ` ${noun(failed)} could not be deleted because of an error; nothing of theirs was removed. They are still listed: try again, and if it fails again, tell your support contact.`
        : ""}
      {deleted ? (
        <>
          {" "}
          Each deletion has a certificate under <Link href="/admin/deletions">Deletions</Link>.
        </>
      ) : null}
    </FocusedStatus>
  );
}

/** The outcome in the address (?deleted=n&kept=m&failed=f), or null when there is none or it is not numbers. */
export function retentionOutcome(param: (key: string) => string | undefined): RetentionOutcome | null {
  const n = (key: string) => {
    const v = param(key);
    return v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : null;
  };
  const deleted = n("deleted");
  if (deleted === null) return null;
  return { deleted, kept: n("kept") ?? 0, failed: n("failed") ?? 0 };
}

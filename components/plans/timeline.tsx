import { formatTime } from "@/lib/dates";
import type { PlanEventKind } from "@/lib/generated/prisma/enums.ts";
import { STATUS_LABEL } from "@/lib/plans/labels";
import type { PlanDetail } from "@/lib/plans/queries";

/** What happened, for events that are not a status change. */
const KIND_TEXT: Record<Exclude<PlanEventKind, "STATUS">, string> = {
  CHANGE_PROPOSED: "Change proposed",
  CHANGE_APPROVED: "Proposed change approved",
  CHANGE_DECLINED: "Proposed change declined",
  CHANGE_WITHDRAWN: "Proposed change withdrawn",
  REVISION_RESTORED: "Earlier version restored",
  TEMPLATE_UNLINKED: "Unlinked from its template",
  DELETED: "Deleted",
  UNDELETED: "Restored after being deleted",
};

/** Status changes with a name of their own, beside the plain "Draft → Waiting for review". */
function statusText(from: PlanDetail["events"][number]["fromStatus"], to: PlanDetail["events"][number]["toStatus"]) {
  if (!from) return STATUS_LABEL[to];
  const arrow = `${STATUS_LABEL[from]} → ${STATUS_LABEL[to]}`;
  if (from === "ACTIVE" && to === "DRAFT") return `${arrow} (sent back to be revised)`;
  if (from === "SUBMITTED" && to === "DRAFT") return `${arrow} (submission withdrawn)`;
  if (from === "COMPLETED" && to === "ACTIVE") return `${arrow} (reopened)`;
  return arrow;
}

/** Everything that happened to the plan: who, when, and their note. */
export function Timeline({ events }: { events: PlanDetail["events"] }) {
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
      {events.map((e) => (
        <li key={e.id} className="relative text-sm">
          <span className="absolute top-1 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-indigo-600" aria-hidden />
          <p>
            <span className="font-medium">{e.kind === "STATUS" ? statusText(e.fromStatus, e.toStatus) : KIND_TEXT[e.kind]}</span>
          </p>
          <p className="text-xs text-slate-600">
            {e.actor.name} · <time dateTime={e.createdAt.toISOString()}>{formatTime(e.createdAt)}</time>
          </p>
          {e.note ? <p className="mt-1 whitespace-pre-line text-slate-800">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

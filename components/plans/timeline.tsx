import { formatTime } from "@/lib/dates";
import { STATUS_LABEL } from "@/lib/plans/labels";
import type { PlanDetail } from "@/lib/plans/queries";

/** Every status change of the plan: who, when, and their note. */
export function Timeline({ events }: { events: PlanDetail["events"] }) {
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
      {events.map((e) => (
        <li key={e.id} className="relative text-sm">
          <span className="absolute top-1 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-indigo-600" aria-hidden />
          <p>
            <span className="font-medium">
              {e.fromStatus ? `${STATUS_LABEL[e.fromStatus]} → ${STATUS_LABEL[e.toStatus]}` : STATUS_LABEL[e.toStatus]}
            </span>
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

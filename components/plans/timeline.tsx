import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/dates";
import type { PlanEventKind } from "@/lib/generated/prisma/enums.ts";
import type { PlanDetail } from "@/lib/plans/queries";

type Event = PlanDetail["events"][number];
type Translate = ReturnType<typeof useTranslations<"plans">>;

/** Status changes with a name of their own, beside the plain "Draft → Waiting for review". */
function statusText(t: Translate, from: Event["fromStatus"], to: Event["toStatus"]) {
  if (!from) return t(`status.${to}`);
  const arrow = t("timeline.arrow", { from: t(`status.${from}`), to: t(`status.${to}`) });
  if (from === "ACTIVE" && to === "DRAFT") return t("timeline.sentBack", { arrow });
  if (from === "SUBMITTED" && to === "DRAFT") return t("timeline.withdrawn", { arrow });
  if (from === "COMPLETED" && to === "ACTIVE") return t("timeline.reopened", { arrow });
  return arrow;
}

/** What happened, for events that are not a status change. */
function kindText(t: Translate, kind: Exclude<PlanEventKind, "STATUS">) {
  return t(`timeline.kind.${kind}`);
}

/** Everything that happened to the plan: who, when, and their note. */
export function Timeline({ events }: { events: PlanDetail["events"] }) {
  const t = useTranslations("plans");
  const locale = useLocale();
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
      {events.map((e) => (
        <li key={e.id} className="relative text-sm">
          <span className="absolute top-1 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-indigo-600" aria-hidden />
          <p>
            <span className="font-medium">{e.kind === "STATUS" ? statusText(t, e.fromStatus, e.toStatus) : kindText(t, e.kind)}</span>
          </p>
          <p className="text-xs text-slate-600">
            {e.actor.name} · <time dateTime={e.createdAt.toISOString()}>{formatTime(e.createdAt, locale)}</time>
          </p>
          {e.note ? <p className="mt-1 whitespace-pre-line text-slate-800">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

import Link from "next/link";
import { LevelBadge } from "@/components/ui/badges";
import { formatDay } from "@/lib/dates";
import { QUIET_DAYS, type listOpenThreads, type listOverdueGoals, type listQuietStudents } from "@/lib/teacher/home";

type Items<F extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>["items"];

const listClass = "divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm";
const rowClass = "flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm";

export function QuietStudentList({ students }: { students: Items<typeof listQuietStudents> }) {
  return (
    <ul className={listClass}>
      {students.map((s) => (
        <li key={s.id} className={rowClass}>
          <Link href={`/students/${s.id}`} className="font-medium underline">
            {s.name}
          </Link>
          <span className="text-slate-700">
            {s.lastEvidenceAt ? `Last evidence ${formatDay(s.lastEvidenceAt)}` : `No evidence yet (over ${QUIET_DAYS} days)`}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OverdueGoalList({ goals }: { goals: Items<typeof listOverdueGoals> }) {
  return (
    <ul className={listClass}>
      {goals.map((g) => (
        <li key={g.id} className={rowClass}>
          <div>
            <Link href={`/plans/${g.plan.id}#goal-${g.id}`} className="font-medium underline">
              {g.title}
            </Link>
            <div className="text-xs text-slate-600">
              {g.student.name} · {g.plan.title}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-slate-700">Due {formatDay(g.targetDate)}</span>
            <LevelBadge level={g.level} rated={g.rated} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function OpenThreadList({ threads }: { threads: Items<typeof listOpenThreads> }) {
  return (
    <ul className={listClass}>
      {threads.map((t) => (
        <li key={t.id} className="px-4 py-3 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/plans/${t.plan.id}#${t.goal ? `goal-${t.goal.id}` : "comments-heading"}`} className="font-medium underline">
              {t.student.name} · {t.plan.title}
            </Link>
            <span className="text-xs text-slate-600">
              {t.author}, {formatDay(t.createdAt)} · {t.replies} {t.replies === 1 ? "reply" : "replies"}
            </span>
          </div>
          {t.goal ? <div className="text-xs text-slate-600">On goal: {t.goal.title}</div> : null}
          <p className="mt-1 line-clamp-2 text-slate-800">{t.body}</p>
        </li>
      ))}
    </ul>
  );
}

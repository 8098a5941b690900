import { useTranslations } from "next-intl";
import type { ActivitySetting, ResourceKind } from "@/lib/generated/prisma/enums.ts";

type Activity = {
  // Absent for a template's suggested activities (they belong to no plan yet).
  id?: string;
  description: string;
  setting: ActivitySetting;
  timing: string;
  withWhom: string;
  resourceKind: ResourceKind;
  resource: string;
  resourceUrl: string;
};

/** Only web links become links: anything else stored (it never should be) is shown as text. */
function webUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

function Resource({ a }: { a: Activity }) {
  const t = useTranslations("plans");
  if (a.resourceKind === "NONE") return null;
  const href = a.resourceKind === "LINK" ? webUrl(a.resourceUrl) : null;
  return (
    <div>
      <dt className="inline font-medium text-slate-800">{t("activities.resourceLabel", { kind: t(`resourceKind.${a.resourceKind}`) })}</dt>
      <dd className="inline text-slate-700">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {a.resource || href}
            <span className="sr-only"> {t("activities.newTab")}</span>
          </a>
        ) : (
          a.resource || a.resourceUrl
        )}
      </dd>
    </div>
  );
}

/** A goal's activities (a plan's, or a template's suggestions): what, where, when, with whom, with what. */
export function ActivityList({
  activities,
  goalNumber,
  title,
  empty,
}: {
  activities: Activity[];
  goalNumber: number;
  title?: string;
  empty?: string;
}) {
  const t = useTranslations("plans");
  const heading = title ?? t("activities.title");
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <h4 className="text-sm font-semibold">{heading}</h4>
      {activities.length === 0 ? (
        <p className="text-sm text-slate-600">{empty ?? t("activities.empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("activities.forGoal", { title: heading, number: goalNumber })}>
          {activities.map((a, i) => (
            <li key={a.id ?? i} id={a.id ? `activity-${a.id}` : undefined} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="whitespace-pre-line text-slate-900">{a.description}</p>
              <dl className="mt-1 space-y-0.5">
                <div>
                  <dt className="inline font-medium text-slate-800">{t("activities.where")}</dt>
                  <dd className="inline text-slate-700">{t(`setting.${a.setting}`)}</dd>
                </div>
                {a.timing ? (
                  <div>
                    <dt className="inline font-medium text-slate-800">{t("activities.when")}</dt>
                    <dd className="inline text-slate-700">{a.timing}</dd>
                  </div>
                ) : null}
                {a.withWhom ? (
                  <div>
                    <dt className="inline font-medium text-slate-800">{t("activities.with")}</dt>
                    <dd className="inline text-slate-700">{a.withWhom}</dd>
                  </div>
                ) : null}
                <Resource a={a} />
              </dl>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

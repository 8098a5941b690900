import { useTranslations } from "next-intl";
import type { ProfileView as Profile } from "@/lib/profiles/queries";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";
import { useProfileLabels } from "./use-profile-labels";

const TEXT = ["strengths", "needs", "interests", "aspirations", "learningPreferences"] as const;

function Choices({ items }: { items: string[] }) {
  const t = useTranslations("profile.view");
  if (items.length === 0) return <span className="text-slate-600">{t("nothingPicked")}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((l) => (
        <li key={l} className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-indigo-900">
          {l}
        </li>
      ))}
    </ul>
  );
}

/** A learner profile, read-only, in the student's words. */
export function ProfileDetails({ profile }: { profile: Profile }) {
  const t = useTranslations("profile.view");
  const labels = useProfileLabels();
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2">
      {TEXT.map((key) => (
        <div key={key}>
          <dt className="font-medium text-slate-800">{t(`text.${key}`)}</dt>
          <dd className="whitespace-pre-line text-slate-700">{profile[key] || t("notWritten")}</dd>
        </div>
      ))}
      {UDL_PRINCIPLES.map((p) => (
        <div key={p.field}>
          <dt className="font-medium text-slate-800">{labels.prompt(p.field)}</dt>
          <dd className="mt-1">
            <Choices items={labels.picked(p.field, profile[p.field])} />
          </dd>
        </div>
      ))}
      <div>
        <dt className="font-medium text-slate-800">{t("whereILearn")}</dt>
        <dd className="mt-1">
          <Choices items={labels.settings(profile.preferredSettings)} />
        </dd>
      </div>
    </dl>
  );
}

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ProfileView } from "@/lib/profiles/queries";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";
import { useProfileLabels } from "./use-profile-labels";

/** The learner profile in brief, beside a plan or a plan form. */
export function ProfileAside({
  profile,
  name,
  studentId,
  own = false,
}: {
  profile: ProfileView;
  name: string;
  studentId: string;
  own?: boolean;
}) {
  const t = useTranslations("profile.aside");
  const labels = useProfileLabels();
  const heading = own ? t("mine") : t("theirs", { name });
  const rows = [
    { label: t("strengths"), value: profile.strengths },
    { label: t("interests"), value: profile.interests },
    { label: t("needs"), value: profile.needs },
    { label: t("aspirations"), value: profile.aspirations },
    ...UDL_PRINCIPLES.map((p) => ({ label: labels.prompt(p.field), value: labels.picked(p.field, profile[p.field]).join(", ") })),
    { label: t("learnsBest"), value: profile.learningPreferences },
    { label: t("likesToLearn"), value: labels.settings(profile.preferredSettings).join(", ") },
  ].filter((r) => r.value);
  return (
    <aside aria-labelledby="profile-aside-heading" className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 text-sm">
      <h2 id="profile-aside-heading" className="mb-2 text-base font-semibold">
        {heading}
      </h2>
      {rows.length === 0 ? <p className="text-slate-700">{t("nothing")}</p> : null}
      <dl className="space-y-2">
        {rows.map((r) => (
          <div key={r.label}>
            <dt className="font-medium text-slate-800">{r.label}</dt>
            <dd className="whitespace-pre-line text-slate-700">{r.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3">
        <Link href={own ? "/profile" : `/students/${studentId}#profile-heading`}>{own ? t("edit") : t("full")}</Link>
      </p>
    </aside>
  );
}

import Link from "next/link";
import type { ProfileView } from "@/lib/profiles/queries";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";

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
  const heading = own ? "My learner profile" : `${name}’s learner profile`;
  const rows = [
    { label: "Strengths", value: profile.strengths },
    { label: "Interests", value: profile.interests },
    { label: "What helps", value: profile.needs },
    { label: "Goals", value: profile.aspirations },
    ...UDL_PRINCIPLES.map((p) => ({ label: p.prompt, value: profile.labels[p.field].join(", ") })),
    { label: "Learns best when", value: profile.learningPreferences },
    { label: "Likes to learn", value: profile.labels.preferredSettings.join(", ") },
  ].filter((r) => r.value);
  return (
    <aside aria-labelledby="profile-aside-heading" className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4 text-sm">
      <h2 id="profile-aside-heading" className="mb-2 text-base font-semibold">
        {heading}
      </h2>
      {rows.length === 0 ? <p className="text-slate-700">Nothing written yet.</p> : null}
      <dl className="space-y-2">
        {rows.map((r) => (
          <div key={r.label}>
            <dt className="font-medium text-slate-800">{r.label}</dt>
            <dd className="whitespace-pre-line text-slate-700">{r.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3">
        <Link href={own ? "/profile" : `/students/${studentId}#profile-heading`}>
          {own ? "Edit my profile" : "Full profile and history"}
        </Link>
      </p>
    </aside>
  );
}

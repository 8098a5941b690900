import type { ProfileView as Profile } from "@/lib/profiles/queries";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";

const TEXT: { key: "strengths" | "needs" | "interests" | "aspirations" | "learningPreferences"; label: string }[] = [
  { key: "strengths", label: "Strengths" },
  { key: "needs", label: "What helps / what I need" },
  { key: "interests", label: "Interests" },
  { key: "aspirations", label: "Goals I care about" },
  { key: "learningPreferences", label: "I learn best when… (in my words)" },
];

function Choices({ items }: { items: string[] }) {
  if (items.length === 0) return <span className="text-slate-600">Nothing picked yet</span>;
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
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2">
      {TEXT.map((f) => (
        <div key={f.key}>
          <dt className="font-medium text-slate-800">{f.label}</dt>
          <dd className="whitespace-pre-line text-slate-700">{profile[f.key] || "Not written yet"}</dd>
        </div>
      ))}
      {UDL_PRINCIPLES.map((p) => (
        <div key={p.field}>
          <dt className="font-medium text-slate-800">{p.prompt}</dt>
          <dd className="mt-1">
            <Choices items={profile.labels[p.field]} />
          </dd>
        </div>
      ))}
      <div>
        <dt className="font-medium text-slate-800">Where I like to learn</dt>
        <dd className="mt-1">
          <Choices items={profile.labels.preferredSettings} />
        </dd>
      </div>
    </dl>
  );
}

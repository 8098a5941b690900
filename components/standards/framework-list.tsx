import Link from "next/link";
import { EmptyState } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { FrameworkRow } from "@/lib/standards/frameworks";

/** The frameworks an administrator sees: who owns each, what it holds, when it was last imported. */
export function FrameworkList({ frameworks }: { frameworks: FrameworkRow[] }) {
  return (
    <section aria-labelledby="frameworks-heading" className="mb-4">
      <h2 id="frameworks-heading" className="mb-3">
        Frameworks
      </h2>
      {frameworks.length ? (
        <ul className="space-y-3">
          {frameworks.map((f) => (
            <li key={f.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h3 className="text-base font-semibold">
                <Link href={`/admin/standards/${f.id}`}>{f.title}</Link>
              </h3>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                <Term label="Owner">
                  {f.organization.name}
                  {f.manages ? "" : " (read-only)"}
                </Term>
                <Term label="Creator">{f.creator || "—"}</Term>
                <Term label="Version">{f.version || "—"}</Term>
                <Term label="Subject">{f.subject || "—"}</Term>
                <Term label="Items">
                  {f.items} in use{f.retired ? `, ${f.retired} retired` : ", none retired"}
                </Term>
                <Term label="Last import">{formatDay(f.lastImportedAt)}</Term>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>No frameworks yet. Import a CASE package above.</EmptyState>
      )}
    </section>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-slate-700">{label}:</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

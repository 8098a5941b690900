import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A list's search by name and school: a plain GET form, so it works before any script has loaded. */
export function ListFilters({
  label,
  searchLabel,
  q,
  organizationId,
  schools,
  choose = false,
}: {
  /** Only to choose one school (no "All schools"). */
  choose?: boolean;
  label: string;
  /** "" when the list has no text search. */
  searchLabel: string;
  q: string;
  organizationId?: string;
  schools: { id: string; name: string }[];
}) {
  if (!searchLabel && schools.length < 2) return null;
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {searchLabel ? (
        <div className="w-full space-y-1 sm:w-64">
          <label htmlFor="list-q" className="block text-sm font-medium text-slate-800">
            {searchLabel}
          </label>
          <input id="list-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </div>
      ) : null}
      {schools.length > 1 ? (
        <div className="w-full space-y-1 sm:w-auto">
          <label htmlFor="list-school" className="block text-sm font-medium text-slate-800">
            School
          </label>
          <select id="list-school" name="school" defaultValue={organizationId ?? ""} className={`${inputClass} sm:w-auto`}>
            {choose ? null : <option value="">All schools</option>}
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button type="submit" variant="secondary">
        {searchLabel ? "Search" : choose ? "Continue" : "Show"}
      </Button>
    </form>
  );
}

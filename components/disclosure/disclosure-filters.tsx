import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DisclosureFilters as Filters } from "@/lib/disclosure/schemas";
import { ACTION_LABEL } from "@/lib/disclosure/words";

const control = `${inputClass} sm:w-auto`;

function Labelled({ id, label, children, wide = false }: { id: string; label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`w-full space-y-1 ${wide ? "sm:w-56" : "sm:w-auto"}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The log's filters: a plain GET form, so a filtered view is a URL an admin can keep or share. */
export function DisclosureFilters({ filters }: { filters: Filters }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter the log"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <Labelled id="dl-student" label="Student" wide>
        <input id="dl-student" name="student" type="search" defaultValue={filters.student} className={inputClass} />
      </Labelled>
      <Labelled id="dl-person" label="Person who looked" wide>
        <input id="dl-person" name="person" type="search" defaultValue={filters.person} className={inputClass} />
      </Labelled>
      <Labelled id="dl-action" label="What">
        <select id="dl-action" name="action" defaultValue={filters.action} className={control}>
          <option value="">Everything</option>
          {Object.entries(ACTION_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="dl-from" label="From (UTC)">
        <input id="dl-from" name="from" type="date" defaultValue={filters.from} className={control} />
      </Labelled>
      <Labelled id="dl-to" label="To (UTC)">
        <input id="dl-to" name="to" type="date" defaultValue={filters.to} className={control} />
      </Labelled>
      <Labelled id="dl-outcome" label="Outcome">
        <select id="dl-outcome" name="outcome" defaultValue={filters.outcome} className={control}>
          <option value="">Allowed and refused</option>
          <option value="allowed">Allowed</option>
          <option value="refused">Refused</option>
        </select>
      </Labelled>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Option = { value: string; label: string };

/** The grid's filters: a plain GET form, so it works before any script has loaded and links keep them. */
export function GridFilters({
  frameworks,
  domains,
  subjects,
  subjectDefault,
  values,
}: {
  frameworks: Option[];
  domains: Option[];
  subjects: Option[];
  /** What the subject filter shows when none is chosen: the class's own subject. */
  subjectDefault: string;
  values: { framework?: string; domain?: string; subject?: string; notYet?: string; sort?: string; dir?: string };
}) {
  const select = (id: string, name: keyof typeof values, label: string, all: string, options: Option[]) => (
    <div className="w-full space-y-1 sm:w-auto">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={values[name] ?? ""} className={`${inputClass} sm:w-auto sm:max-w-xs`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter the grid"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {select("grid-framework", "framework", "Framework", "All frameworks", frameworks)}
      {select("grid-domain", "domain", "Domain", "All domains", domains)}
      {select("grid-subject", "subject", "Subject", subjectDefault, subjects)}
      <div className="flex items-center gap-2 pb-2">
        <input id="grid-not-yet" name="notYet" type="checkbox" value="1" defaultChecked={values.notYet === "1"} className="size-4" />
        <label htmlFor="grid-not-yet" className="text-sm font-medium text-slate-800">
          Only students not yet proficient
        </label>
      </div>
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}

/** Picks the standard the distribution chart shows, keeping the grid's filters. */
export function StandardChooser({
  standards,
  value,
  keep,
  label = "Standard",
}: {
  standards: { id: string; code: string }[];
  value?: string;
  keep: Record<string, string | undefined>;
  label?: string;
}) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Choose a standard for the chart">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="chart-standard" className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <select id="chart-standard" name="standard" defaultValue={value} className={`${inputClass} sm:w-auto`}>
          {standards.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Show chart
      </Button>
    </form>
  );
}

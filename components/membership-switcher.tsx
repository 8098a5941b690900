import { Button } from "@/components/ui/button";

type Option = { id: string; label: string };

/**
 * For people with more than one membership (a teacher who is also a parent): which one
 * they act in now. A plain form, so it works before any JavaScript has loaded.
 */
export function MembershipSwitcher({
  options,
  current,
  action,
  labels,
}: {
  labels: { actingAs: string; submit: string };
  options: Option[];
  current: string;
  action: (form: FormData) => Promise<void>;
}) {
  if (options.length < 2) return null;
  return (
    <form action={action} className="flex w-full items-center gap-2 sm:w-auto">
      <label htmlFor="acting-as" className="shrink-0 text-slate-700">
        {labels.actingAs}
      </label>
      <select
        id="acting-as"
        name="membershipId"
        defaultValue={current}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:max-w-80"
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary">
        {labels.submit}
      </Button>
    </form>
  );
}

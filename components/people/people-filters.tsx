import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { ROLES, type PeopleStatus } from "@/lib/people/admin-schemas";

const control = `${inputClass} sm:w-auto`;

/** The people list's search: a plain GET form, so it works before any script has loaded and its URL can be shared. */
export function PeopleFilters({
  q,
  role,
  organizationId,
  status,
  organizations,
}: {
  q: string;
  role?: Role;
  organizationId?: string;
  status?: PeopleStatus;
  organizations: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Find people"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="w-full space-y-1 sm:w-64">
        <label htmlFor="people-q" className="block text-sm font-medium text-slate-800">
          Name or email
        </label>
        <input id="people-q" name="q" type="search" defaultValue={q} className={inputClass} />
      </div>
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="people-role" className="block text-sm font-medium text-slate-800">
          Role
        </label>
        <select id="people-role" name="role" defaultValue={role ?? ""} className={control}>
          <option value="">Every role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      {organizations.length > 1 ? (
        <div className="w-full space-y-1 sm:w-auto">
          <label htmlFor="people-school" className="block text-sm font-medium text-slate-800">
            School
          </label>
          <select id="people-school" name="school" defaultValue={organizationId ?? ""} className={control}>
            <option value="">All schools</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="people-status" className="block text-sm font-medium text-slate-800">
          Show
        </label>
        <select id="people-status" name="status" defaultValue={status ?? ""} className={control}>
          <option value="">Current members</option>
          <option value="disabled">Disabled</option>
          <option value="former">Former members</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}

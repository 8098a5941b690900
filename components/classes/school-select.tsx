import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/ui/field";

/** The school a new course or term belongs to; an existing one's school is shown, not changed. */
export function SchoolSelect({
  schools,
  fixed,
  error,
  register,
}: {
  schools: { id: string; name: string }[];
  /** The school of the record being edited. */
  fixed?: string;
  error?: string;
  register: UseFormRegisterReturn;
}) {
  if (fixed) return <p className="text-sm text-slate-700">At {fixed}</p>;
  return (
    <Field id="organizationId" label="School" error={error}>
      <select id="organizationId" className={inputClass} {...describedBy("organizationId", { error })} {...register}>
        {schools.length > 1 ? <option value="">Choose…</option> : null}
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

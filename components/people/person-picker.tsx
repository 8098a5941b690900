"use client";

import { useEffect, useId, useRef, useState, type Ref } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { PickPeopleInput } from "@/lib/people/admin-schemas";

export type PickedPerson = { id: string; name: string; email: string };

/**
 * Picks one person of a role by typing part of their name or email: a small list of
 * matches as radio buttons, never a select of the whole district.
 */
export function PersonPicker({
  id,
  label,
  role,
  organizationId,
  search,
  value,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  role: Role;
  organizationId?: string;
  search: ServerAction<PickPeopleInput, PickedPerson[]>;
  value: string;
  onChange: (userId: string) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<PickedPerson[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const latest = useRef(0);
  const legendId = useId();

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function lookUp(value: string) {
    clearTimeout(timer.current);
    const q = value.trim();
    const asked = ++latest.current;
    if (q.length < 2) {
      setFound(null);
      return;
    }
    timer.current = setTimeout(async () => {
      const result = await search({ q, role, organizationId });
      // An older answer arriving late must not replace a newer one.
      if (asked !== latest.current) return;
      if (result.ok) {
        setFound(result.data);
        setFailed(null);
      } else setFailed(result.message);
    }, 250);
  }

  const count = found?.length ?? 0;
  return (
    <div className="space-y-2">
      <Field id={id} label={label} hint="Type at least two letters of their name or email, then choose them below." error={error}>
        <input
          id={id}
          ref={inputRef}
          type="search"
          autoComplete="off"
          className={inputClass}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            lookUp(e.target.value);
            if (value) onChange("");
          }}
          {...describedBy(id, { hint: true, error })}
        />
      </Field>
      <p role="status" className="text-sm text-slate-700">
        {failed ?? (found === null ? "" : count === 0 ? "No one matches." : count === 1 ? "1 match." : `${count} matches.`)}
      </p>
      {count > 0 ? (
        <fieldset aria-labelledby={legendId} className="space-y-1">
          <legend id={legendId} className="sr-only">
            Matches for {label.toLowerCase()}
          </legend>
          {found?.map((p) => (
            <label key={p.id} className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50">
              <input
                type="radio"
                name={`${id}-choice`}
                value={p.id}
                checked={value === p.id}
                onChange={() => onChange(p.id)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{p.name}</span> <span className="break-all text-slate-600">· {p.email}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

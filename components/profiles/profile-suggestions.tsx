"use client";

import { useId } from "react";

/**
 * Buttons that fill a field from the student's profile. Each button's name starts with
 * what it shows and ends with what it fills (`target`), so it is clear out of context.
 */
export function ProfileSuggestions({
  heading,
  items,
  target,
  onPick,
}: {
  heading: string;
  items: readonly { value: string; label: string }[];
  target: string;
  onPick: (value: string) => void;
}) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div role="group" aria-labelledby={id} className="flex flex-wrap items-center gap-1.5 text-xs">
      <span id={id} className="font-medium text-slate-700">
        {heading}:
      </span>
      {items.map((item) => (
        <button
          key={item.value}
          type="button"
          onClick={() => onPick(item.value)}
          className="rounded-full border border-indigo-300 bg-indigo-50 px-2.5 py-1 text-indigo-900 hover:bg-indigo-100"
        >
          {item.label}
          <span className="sr-only"> {target}</span>
        </button>
      ))}
    </div>
  );
}

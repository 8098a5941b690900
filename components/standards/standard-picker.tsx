"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass, useMessageText } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { SUBJECTS } from "@/lib/plans/labels";
import type { PickerContext, StandardHit, StandardOption, StandardSearchPage } from "@/lib/standards/queries";
import { GRADE_LEVELS, LOCAL_FRAMEWORK } from "@/lib/standards/options";

type Props = {
  /** The id of the field (its label points at the search box; errors are `${id}-error`). */
  id: string;
  /** What the chosen standards belong to, for the buttons' names ("goal 2"). */
  owner: string;
  context: PickerContext;
  /** Undefined when the form's initial goal came without the field (a server page spreads a client module's constant). */
  value: readonly string[] | undefined;
  onChange: (ids: string[]) => void;
  error?: string;
};

type Filters = { q: string; subject: string; grade: string; frameworkId: string };
type Crumb = { id: string; label: string };

const label = (s: { code: string; description: string }) => (s.code ? `${s.code} — ${s.description}` : s.description);
const short = (s: { code: string; description: string }) =>
  s.code || (s.description.length > 40 ? `${s.description.slice(0, 40)}…` : s.description);

/**
 * Chosen standards as removable chips, and a search-and-list to add more: type to search
 * codes and statements, filter by subject, grade and framework, browse a node's items,
 * "More" for the next page. Everything is searched on the server (a framework has
 * thousands of items). Plain buttons and fields, so it works by keyboard and on a phone.
 */
export function StandardPicker({ id, owner, context, value: given, onChange, error }: Props) {
  const t = useTranslations("plans.standardPicker");
  const subjectLabel = useTranslations("plans.subject");
  const shownError = useMessageText(error);
  // A string, not `t`, in the search's dependencies: the search reruns only when what it asks changes.
  const loadFailed = t("loadFailed");
  const value = given ?? [];
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [known, setKnown] = useState(() => new Map(context.chosen.map((s) => [s.id, s])));
  const [filters, setFilters] = useState<Filters>({ q: "", subject: "", grade: "", frameworkId: "" });
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [results, setResults] = useState<StandardHit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "done" | "failed">("idle");
  const [message, setMessage] = useState("");
  const toggleRef = useRef<HTMLButtonElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const hereRef = useRef<HTMLSpanElement>(null);
  // Browsing replaces the list the pressed button was in: focus follows to where the reader now is.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (trail.length ? hereRef.current : searchRef.current)?.focus();
  }, [trail]);
  const chosen = new Set(value);
  const parent = trail.at(-1);

  const load = useCallback(
    async (after: string | null) => {
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      const params = new URLSearchParams({ schoolId: context.schoolId });
      if (parent) params.set("parentId", parent.id);
      else for (const [k, v] of Object.entries(filters)) if (v.trim()) params.set(k, v.trim());
      if (after) params.set("after", after);
      setStatus("loading");
      try {
        const response = await fetch(`/api/standards?${params}`, { signal: abort.signal, headers: { Accept: "application/json" } });
        const result = (await response.json()) as ActionResult<StandardSearchPage>;
        if (!result.ok) {
          setStatus("failed");
          setMessage(result.message);
          return;
        }
        setResults((before) => (after ? [...before, ...result.data.items] : result.data.items));
        setNext(result.data.next);
        setStatus("done");
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setStatus("failed");
        setMessage(loadFailed);
      }
    },
    [context.schoolId, filters, parent, loadFailed],
  );

  // Typing searches after a short pause; filters and browsing search at once.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load(null), filters.q ? 250 : 0);
    return () => clearTimeout(timer);
  }, [open, load, filters.q]);

  const pick = (hit: StandardHit) => {
    setKnown((m) => new Map(m).set(hit.id, hit));
    onChange(chosen.has(hit.id) ? value.filter((v) => v !== hit.id) : [...value, hit.id]);
  };
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => {
    setTrail([]);
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  };

  const count = status === "done" ? (next ? t("countMore", { count: results.length }) : t("count", { count: results.length })) : "";
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const gradeLabel = (g: (typeof GRADE_LEVELS)[number]) =>
    g === "PK" || g === "KG" ? t(`gradeLevel.${g}`) : t("gradeLevel.number", { number: Number(g) });

  return (
    <div className="space-y-2">
      <p className="block text-sm font-medium text-slate-800" id={`${uid}-label`}>
        {t("label")}
      </p>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("hint")}
      </p>
      {value.length ? (
        <ul aria-labelledby={`${uid}-label`} className="flex flex-wrap gap-2">
          {value.map((standardId) => {
            const s: StandardOption | undefined = known.get(standardId);
            const name = s ? short(s) : t("aStandard");
            return (
              <li
                key={standardId}
                className={`flex max-w-full items-center gap-1 rounded-full border py-1 pr-1 pl-3 text-sm ${s?.retired ? "border-amber-400 bg-amber-50" : "border-indigo-200 bg-indigo-50"}`}
              >
                <span className="min-w-0 truncate" title={s ? label(s) : undefined}>
                  <span className="font-medium">{name}</span>
                  {s?.retired ? <span className="ml-1 text-amber-900">{t("retired")}</span> : null}
                </span>
                <button
                  type="button"
                  className="rounded-full px-2 py-0.5 text-slate-700 hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-600"
                  aria-label={t("remove", { name, owner })}
                  onClick={() => {
                    onChange(value.filter((v) => v !== standardId));
                    // The chip is gone: focus moves to the button that adds standards.
                    toggleRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("noneChosen")}</p>
      )}
      {shownError ? (
        <p id={`${id}-error`} className="text-sm text-rose-700" role="alert">
          {shownError}
        </p>
      ) : null}
      <button
        ref={toggleRef}
        type="button"
        className={buttonClass("secondary")}
        aria-expanded={open}
        aria-controls={`${uid}-panel`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {open ? t("close", { owner }) : t("find", { owner })}
      </button>
      {open ? (
        <div
          id={`${uid}-panel`}
          role="group"
          aria-label={t("find", { owner })}
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
        >
          <div>
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              {t("search")}
            </label>
            <input
              ref={searchRef}
              id={id}
              type="search"
              autoFocus
              autoComplete="off"
              className={inputClass}
              placeholder={t("placeholder")}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              value={filters.q}
              onChange={set("q")}
              onKeyDown={(e) => {
                // Enter searches; it must not submit the plan.
                if (e.key === "Enter") {
                  e.preventDefault();
                  void load(null);
                }
              }}
            />
          </div>
          <div className="grid gap-2 sm:grid-cols-3">
            <Select id={`${uid}-subject`} label={t("subject")} value={filters.subject} onChange={set("subject")}>
              <option value="">{t("anySubject")}</option>
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {subjectLabel(s)}
                </option>
              ))}
            </Select>
            <Select id={`${uid}-grade`} label={t("grade")} value={filters.grade} onChange={set("grade")}>
              <option value="">{t("anyGrade")}</option>
              {GRADE_LEVELS.map((g) => (
                <option key={g} value={g}>
                  {gradeLabel(g)}
                </option>
              ))}
            </Select>
            <Select id={`${uid}-framework`} label={t("framework")} value={filters.frameworkId} onChange={set("frameworkId")}>
              <option value="">{t("anyFramework")}</option>
              {context.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
              {context.hasLocal ? <option value={LOCAL_FRAMEWORK}>{t("local")}</option> : null}
            </Select>
          </div>
          {trail.length ? (
            <nav aria-label={t("where")} className="text-sm">
              <ol className="flex flex-wrap items-center gap-1">
                <li>
                  <button
                    type="button"
                    className="underline"
                    onClick={() => {
                      setTrail([]);
                      moved.current = true;
                    }}
                  >
                    {t("searchResults")}
                  </button>
                </li>
                {trail.map((c, i) => (
                  <li key={c.id} className="flex items-center gap-1">
                    <span aria-hidden="true">›</span>
                    {i === trail.length - 1 ? (
                      <span ref={hereRef} tabIndex={-1} aria-current="location" className="font-medium">
                        {c.label}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="underline"
                        onClick={() => {
                          setTrail(trail.slice(0, i + 1));
                          moved.current = true;
                        }}
                      >
                        {c.label}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <p role="status" className="text-sm text-slate-700">
            {status === "loading"
              ? t("searching")
              : status === "failed"
                ? message
                : status === "done"
                  ? results.length
                    ? count
                    : t("noMatch")
                  : ""}
          </p>
          {results.length ? (
            <ul
              aria-label={parent ? t("itemsUnder", { name: parent.label }) : t("found")}
              className="max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-white"
            >
              {results.map((hit) => {
                const picked = chosen.has(hit.id);
                return (
                  <li key={hit.id} className="flex flex-col gap-2 p-2 text-sm sm:flex-row sm:items-start">
                    <div className="min-w-0 flex-1">
                      <p>
                        {hit.code ? <span className="font-semibold">{hit.code} </span> : null}
                        {hit.description}
                      </p>
                      <p className="text-xs text-slate-600">
                        {[hit.itemType, hit.framework, hit.gradeLevels.length ? t("grades", { grades: hit.gradeLevels.join(", ") }) : ""]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                    </div>
                    <div className="flex shrink-0 flex-wrap gap-2">
                      {hit.children ? (
                        <Button
                          type="button"
                          variant="ghost"
                          aria-label={t("browseLabel", { count: hit.children, name: short(hit) })}
                          onClick={() => {
                            setTrail([...trail, { id: hit.id, label: short(hit) }]);
                            moved.current = true;
                          }}
                        >
                          {t("browse", { count: hit.children })}
                        </Button>
                      ) : null}
                      <Button
                        type="button"
                        variant={picked ? "primary" : "secondary"}
                        aria-pressed={picked}
                        aria-label={picked ? t("chosenLabel", { name: short(hit) }) : t("chooseLabel", { name: short(hit) })}
                        onClick={() => pick(hit)}
                      >
                        {picked ? t("chosen") : t("choose")}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {next ? (
            <Button type="button" variant="secondary" disabled={status === "loading"} onClick={() => void load(next)}>
              {t("more")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-800">
        {label}
      </label>
      <select id={id} className={inputClass} value={value} onChange={onChange}>
        {children}
      </select>
    </div>
  );
}

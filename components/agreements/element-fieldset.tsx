import { useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";
import type { Element } from "@/lib/agreements/elements";

/** One of the nine elements: its fieldset, headed by the element's name, with what stops it from being sent beside it. */
export function ElementFieldset({ element, problem, children }: { element: Element; problem?: string; children: ReactNode }) {
  const t = useTranslations("agreements");
  const errorId = `element-${element}-error`;
  return (
    <fieldset
      id={`element-${element}`}
      tabIndex={-1}
      aria-describedby={problem ? errorId : undefined}
      className={`min-w-0 space-y-4 rounded-lg border bg-white p-4 shadow-sm sm:p-5 ${problem ? "border-rose-400" : "border-slate-200"}`}
    >
      <legend className="px-1 text-base font-semibold">{t(`element.${element}`)}</legend>
      {problem ? (
        <p id={errorId} className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {problem}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** The list of refused elements at the top of the form, each a link to its fieldset. */
export function ErrorSummary({
  message,
  problems,
  summaryRef,
}: {
  message: string;
  problems: Partial<Record<Element, string>>;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const t = useTranslations("agreements");
  const keys = Object.keys(problems) as Element[];
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="agreement-error-summary"
      className="space-y-2 rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900"
    >
      <h2 id="agreement-error-summary" className="text-base font-semibold">
        {keys.length ? t("form.notSent") : t("form.notSaved")}
      </h2>
      {keys.length ? (
        <ul className="list-disc space-y-1 pl-5">
          {keys.map((k) => (
            <li key={k}>
              <a href={`#element-${k}`} className="text-rose-900 underline">
                {t(`element.${k}`)}
              </a>
              : {problems[k]}
            </li>
          ))}
        </ul>
      ) : (
        <p>{message}</p>
      )}
    </div>
  );
}

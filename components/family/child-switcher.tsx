import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FamilyChild } from "@/lib/family/summary";

/** One link per child (plain links: it works without JavaScript); the child shown is marked current. */
export function ChildSwitcher({ family, currentId }: { family: FamilyChild[]; currentId: string }) {
  const t = useTranslations("family");
  if (family.length < 2) return null;
  return (
    <nav aria-labelledby="children-heading" className="mb-6">
      <h2 id="children-heading" className="mb-2 text-base">
        {t("title")}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {family.map((c) => {
          const current = c.id === currentId;
          return (
            <li key={c.id}>
              <Link
                href={`/family?child=${encodeURIComponent(c.id)}`}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md border px-4 py-2 text-sm no-underline hover:no-underline ${
                  current
                    ? "border-indigo-700 bg-indigo-50 font-semibold text-indigo-900"
                    : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {c.name}
                {c.gradeLevel ? (
                  <span className="block text-xs font-normal text-slate-700">{t("grade", { grade: c.gradeLevel })}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

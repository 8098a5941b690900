import type { ReactNode } from "react";

/** The frame of the pages people see before signing in. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-3xl font-bold tracking-tight text-indigo-800">Pathways</p>
        <p className="mt-2 text-sm text-slate-700">
          Learning plans, evidence of mastery and progress — for students, teachers and families.
        </p>
      </div>
      {children}
    </main>
  );
}

"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1>Something went wrong</h1>
      <p className="mt-3 text-slate-700">The page could not be shown. Nothing you saved was lost.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}

import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-slate-600">404 · Not found</p>
      <h1 className="mt-2">We could not find that page</h1>
      <p className="mt-3 text-slate-700">It may have been moved, or it belongs to someone whose records you do not have access to.</p>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </main>
  );
}

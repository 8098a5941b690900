import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-rose-700">403 · Not allowed</p>
      <h1 className="mt-2">This page is not part of your account</h1>
      <p className="mt-3 text-slate-700">
        You are signed in, but your role does not give access to this page. If you think it should, ask your school admin.
      </p>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </main>
  );
}

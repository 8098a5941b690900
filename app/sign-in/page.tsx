import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.acting.role]);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-3xl font-bold tracking-tight text-indigo-800">Pathways</p>
        <p className="mt-2 text-sm text-slate-700">
          Learning plans, evidence of mastery and progress — for students, teachers and families.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl">Sign in</h1>
        <SignInForm />
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">Forgot your password? Ask your school office to reset it.</p>
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/ui/auth-frame";

export const metadata: Metadata = { title: "No access yet" };

// Where single sign-on ends for someone the roster does not know: no account is made.
export default function NoAccessPage() {
  return (
    <AuthFrame>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-xl">Your school has not given you access to Pathways</h1>
        <p className="mb-3 text-sm text-slate-800">
          You signed in with your school account, but Pathways has no student, teacher, family or staff record that matches it. Pathways
          never creates accounts on its own: your school adds people from its student information system.
        </p>
        <p className="mb-4 text-sm text-slate-800">
          If you think you should have access, ask your school office to check that your account is on the roster with this email address.
        </p>
        <Link href="/sign-in">Back to sign in</Link>
      </div>
    </AuthFrame>
  );
}

import type { ReactNode } from "react";
import { AuthFrame } from "@/components/ui/auth-frame";

/** A signed-out page's one card (forgot password, reset password), as on the sign-in page. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
  chooseLocale,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** The signed-out language switch's action, passed on to the frame. */
  chooseLocale?: (form: FormData) => Promise<void>;
}) {
  return (
    <AuthFrame chooseLocale={chooseLocale}>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-xl">{title}</h1>
        {intro ? <div className="mb-4 text-sm text-slate-700">{intro}</div> : null}
        {children}
      </div>
      {footer ? <div className="mt-6 text-center text-sm">{footer}</div> : null}
    </AuthFrame>
  );
}

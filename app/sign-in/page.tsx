import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/ui/auth-frame";
import { Button } from "@/components/ui/button";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { ssoProviderConfigs } from "@/lib/auth/sso";
import { chooseSignedOutLocaleAction, ssoSignInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

// What the page says after a redirect here: a finished reset, an ended session, or a
// single sign-on that did not complete (Auth.js sends its error type).
function notice(
  params: Record<string, string | string[] | undefined>,
): { tone: "info" | "error"; key: "passwordChanged" | "signedOutEverywhere" | "ssoFailed" } | null {
  if (params.reset === "1") return { tone: "info", key: "passwordChanged" };
  if (params.ended === "everywhere") return { tone: "info", key: "signedOutEverywhere" };
  if (typeof params.error === "string" && params.error !== "CredentialsSignin") return { tone: "error", key: "ssoFailed" };
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.acting.role]);
  const message = notice(await searchParams);
  const providers = ssoProviderConfigs();
  const t = await getTranslations("auth.signIn");
  return (
    <AuthFrame chooseLocale={chooseSignedOutLocaleAction}>
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`mb-4 rounded-md border px-3 py-2 text-sm ${message.tone === "error" ? "border-rose-300 bg-rose-50 text-rose-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}
        >
          {t(`notices.${message.key}`)}
        </p>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl">{t("title")}</h1>
        {providers.length > 0 ? (
          <>
            <ul className="mb-5 space-y-2">
              {providers.map((p) => (
                <li key={p.id}>
                  <form action={ssoSignInAction}>
                    <input type="hidden" name="provider" value={p.id} />
                    <Button type="submit" variant="secondary" className="w-full">
                      {t("withProvider", { provider: p.name })}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
            <p className="mb-4 flex items-center gap-3 text-xs text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
              {t("orWithPassword")}
            </p>
          </>
        ) : null}
        <SignInForm />
      </div>
      <p className="mt-6 text-center text-sm">
        <Link href="/forgot-password">{t("forgotPassword")}</Link>
      </p>
    </AuthFrame>
  );
}

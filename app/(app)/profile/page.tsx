import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProfileComments } from "@/components/profiles/profile-comments";
import { ProfileForm } from "@/components/profiles/profile-form";
import { ProfileHistory } from "@/components/profiles/profile-history";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getOwnProfile, getProfileHistory, profileFormValues } from "@/lib/profiles/queries";
import { updateProfileAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("profile.page");
  return { title: t("metaTitle") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const raw = (await searchParams).before;
  const before = Number(Array.isArray(raw) ? raw[0] : raw);
  const [me, history] = await Promise.all([
    orNotFound(getOwnProfile(actor)),
    orNotFound(getProfileHistory(actor, actor.id, Number.isInteger(before) && before > 0 ? before : undefined)),
  ]);
  const t = await getTranslations("profile.page");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/students/${actor.id}/access`} className="text-sm underline">
            {t("whoOpened")}
          </Link>
        }
      />
      <div className="mb-6 rounded-md border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950">
        <p className="font-medium">{t("voice")}</p>
        <p>{t("voiceBody")}</p>
      </div>
      {me.profile ? (
        <ProfileForm studentId={me.id} version={me.profile.version} initial={profileFormValues(me.profile)} action={updateProfileAction} />
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">{t("notSetUp")}</p>
      )}
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="profile-comments-heading">
          <h2 id="profile-comments-heading" className="mb-3">
            {t("comments")}
          </h2>
          <ProfileComments comments={me.comments} />
        </Card>
        <Card aria-labelledby="profile-history-heading">
          <h2 id="profile-history-heading" className="mb-3">
            {t("history")}
          </h2>
          <ProfileHistory
            items={history.items}
            olderHref={history.older ? `/profile?before=${history.older}#profile-history-heading` : undefined}
          />
        </Card>
      </div>
    </>
  );
}

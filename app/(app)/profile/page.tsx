import type { Metadata } from "next";
import Link from "next/link";
import { ProfileComments } from "@/components/profiles/profile-comments";
import { ProfileForm } from "@/components/profiles/profile-form";
import { ProfileHistory } from "@/components/profiles/profile-history";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getOwnProfile, getProfileHistory, profileFormValues } from "@/lib/profiles/queries";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "My profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("STUDENT");
  const raw = (await searchParams).before;
  const before = Number(Array.isArray(raw) ? raw[0] : raw);
  const [me, history] = await Promise.all([
    orNotFound(getOwnProfile(actor)),
    orNotFound(getProfileHistory(actor, actor.id, Number.isInteger(before) && before > 0 ? before : undefined)),
  ]);
  return (
    <>
      <PageHeader
        title="My learner profile"
        description="Who you are as a learner, in your own words. Your teachers see it beside your plans, and your family can read it."
        actions={
          <Link href={`/students/${actor.id}/access`} className="text-sm underline">
            Who opened my records
          </Link>
        }
      />
      <div className="mb-6 rounded-md border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950">
        <p className="font-medium">This is your voice, not a label.</p>
        <p>
          Write about what you are good at, what you enjoy and what helps you. Please don&apos;t put diagnoses, medical information or IEP
          details here: those are kept elsewhere, with stricter access.
        </p>
      </div>
      {me.profile ? (
        <ProfileForm studentId={me.id} version={me.profile.version} initial={profileFormValues(me.profile)} action={updateProfileAction} />
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          Your school has not set up your learner profile yet. Ask your teacher or the school office.
        </p>
      )}
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="profile-comments-heading">
          <h2 id="profile-comments-heading" className="mb-3">
            Comments from my teachers
          </h2>
          <ProfileComments comments={me.comments} />
        </Card>
        <Card aria-labelledby="profile-history-heading">
          <h2 id="profile-history-heading" className="mb-3">
            History
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

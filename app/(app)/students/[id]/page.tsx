import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { GroupList } from "@/components/groups/group-list";
import { PlanList } from "@/components/plans/plan-list";
import { StartPlanLink } from "@/components/plans/start-plan-link";
import { ProfileComment } from "@/components/profiles/profile-comment";
import { ProfileComments } from "@/components/profiles/profile-comments";
import { ProfileHistory } from "@/components/profiles/profile-history";
import { ProfileDetails } from "@/components/profiles/profile-view";
import { Card, PageHeader, Pagination } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { formatTime } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { pageNumber } from "@/lib/pagination";
import { groupsOfStudent } from "@/lib/groups/queries";
import { getStudent } from "@/lib/people/queries";
import { listPlans } from "@/lib/plans/queries";
import { getProfileHistory, getStudentProfile } from "@/lib/profiles/queries";
import { addProfileCommentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("family.student");
  return { title: t("metaTitle") };
}

export default async function StudentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const page = pageNumber(query.page);
  const before = pageNumber(query.before);
  const student = await orNotFound(getStudent(actor, id));
  const [detail, history, plans, groups] = await Promise.all([
    getStudentProfile(actor, student.id),
    getProfileHistory(actor, student.id, query.before ? before : undefined),
    listPlans(actor, { page, studentId: student.id, scope: "all" }),
    // Learning groups are their teachers' planning: only groups of classes the viewer teaches.
    groupsOfStudent(actor, student.id),
  ]);
  const profile = detail.profile;
  const [t, locale] = await Promise.all([getTranslations("family.student"), getLocale()]);
  return (
    <>
      <PageHeader
        title={student.name}
        description={[profile ? t("grade", { grade: profile.gradeLevel }) : null, student.classes.map((c) => c.name).join(", ")]
          .filter(Boolean)
          .join(" · ")}
      />
      {profile ? (
        <Card className="mb-8" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-1">
            {t("profileHeading")}
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            {detail.relations.includes("STUDENT")
              ? t("profileOwnWords", { time: formatTime(profile.updatedAt, locale) })
              : t("profileTheirWords", { name: student.name, time: formatTime(profile.updatedAt, locale) })}
          </p>
          <ProfileDetails profile={profile} />
        </Card>
      ) : null}
      {profile ? (
        <div className="mb-8 grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="profile-comments-heading">
            <h2 id="profile-comments-heading" className="mb-3">
              {t("commentsHeading")}
            </h2>
            <ProfileComments comments={detail.comments} />
            {detail.allowed.comment ? <ProfileComment studentId={student.id} action={addProfileCommentAction} /> : null}
          </Card>
          <Card aria-labelledby="profile-history-heading">
            <h2 id="profile-history-heading" className="mb-3">
              {t("historyHeading")}
            </h2>
            <ProfileHistory
              items={history.items}
              olderHref={history.older ? `/students/${student.id}?before=${history.older}#profile-history-heading` : undefined}
            />
          </Card>
        </div>
      ) : null}
      <p className="mb-8 text-sm">
        <Link href={`/students/${student.id}/progress`} className="font-medium underline">
          {t("progressLink")}
        </Link>
        {" · "}
        <Link href={`/students/${student.id}/records`} className="font-medium underline">
          {t("recordsLink")}
        </Link>
      </p>
      <h2 className="mb-3">{t("plansHeading")}</h2>
      <StartPlanLink student={student} relations={detail.relations} />
      <PlanList plans={plans.items} caption={t("plansCaption", { name: student.name })} empty={t("plansEmpty", { name: student.name })} />
      <Pagination page={plans.page} pageCount={plans.pageCount} href={(p) => `/students/${student.id}?page=${p}`} />
      {detail.relations.includes("TEACHER") ? (
        <section aria-labelledby="groups-heading" className="mt-8">
          <h2 id="groups-heading" className="mb-3">
            {t("groupsHeading")}
          </h2>
          <GroupList groups={groups} showClass empty={t("groupsEmpty", { name: student.name })} />
        </section>
      ) : null}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ProgressView } from "@/components/mastery/progress-view";
import { PageHeader } from "@/components/ui/layout";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { studentProgress } from "@/lib/mastery/progress";
import { standardWorkingAction } from "../mastery/actions";

export async function generateMetadata() {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

/** A student's own progress; everyone else follows a student's from /students/[id]/progress. */
export default async function MyProgressPage() {
  const actor = await requireActor();
  if (actor.acting.role !== "STUDENT") redirect(ROLE_HOME[actor.acting.role]);
  const progress = await studentProgress(actor, actor.id);
  const t = await getTranslations("progress");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ProgressView progress={progress} workingAction={standardWorkingAction} />
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProgressView } from "@/components/mastery/progress-view";
import { PageHeader } from "@/components/ui/layout";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { studentProgress } from "@/lib/mastery/progress";
import { standardWorkingAction } from "../mastery/actions";

export const metadata: Metadata = { title: "My progress" };

/** A student's own progress; everyone else follows a student's from /students/[id]/progress. */
export default async function MyProgressPage() {
  const actor = await requireActor();
  if (actor.acting.role !== "STUDENT") redirect(ROLE_HOME[actor.acting.role]);
  const progress = await studentProgress(actor, actor.id);
  return (
    <>
      <PageHeader title="My progress" description="How your mastery of each standard has grown, and how each level was worked out." />
      <ProgressView progress={progress} workingAction={standardWorkingAction} />
    </>
  );
}

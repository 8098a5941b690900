import type { Metadata } from "next";
import Link from "next/link";
import { ProgressView } from "@/components/mastery/progress-view";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { studentProgress } from "@/lib/mastery/progress";
import { orNotFound } from "@/lib/not-found";
import { standardWorkingAction } from "../../../mastery/actions";

export const metadata: Metadata = { title: "Progress" };

export default async function StudentProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const progress = await orNotFound(studentProgress(actor, id));
  const own = progress.student.id === actor.id;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/students/${progress.student.id}`} className="underline">
          {own ? "My page" : progress.student.name}
        </Link>
      </p>
      <PageHeader
        title={own ? "My progress" : `${progress.student.name}’s progress`}
        description="How mastery of each standard has grown since its first rating, and how each level was worked out."
      />
      <ProgressView progress={progress} workingAction={standardWorkingAction} />
    </>
  );
}

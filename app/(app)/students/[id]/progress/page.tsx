import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgressView } from "@/components/mastery/progress-view";
import { PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { studentProgress } from "@/lib/mastery/progress";
import { orNotFound } from "@/lib/not-found";
import { standardWorkingAction } from "../../../mastery/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("family.progress");
  return { title: t("metaTitle") };
}

export default async function StudentProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const progress = await orNotFound(studentProgress(actor, id));
  const own = progress.student.id === actor.id;
  const t = await getTranslations("family");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/students/${progress.student.id}`} className="underline">
          {own ? t("student.myPage") : progress.student.name}
        </Link>
      </p>
      <PageHeader
        title={own ? t("progress.mine") : t("progress.theirs", { name: progress.student.name })}
        description={t("progress.description")}
      />
      <ProgressView progress={progress} workingAction={standardWorkingAction} />
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/records/record-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { latestToday } from "@/lib/records/schemas";
import { createRecordAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("records");
  return { title: t("recordLearning") };
}

export default async function NewRecordPage() {
  await requireRole("STUDENT");
  const t = await getTranslations("records");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/records" className="underline">
          {t("title")}
        </Link>
      </p>
      <PageHeader title={t("recordLearning")} description={t("newDescription")} />
      <RecordForm today={latestToday()} action={createRecordAction} />
    </>
  );
}

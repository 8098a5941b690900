import type { Metadata } from "next";
import Link from "next/link";
import { RecordForm } from "@/components/records/record-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { latestToday } from "@/lib/records/schemas";
import { createRecordAction } from "../actions";

export const metadata: Metadata = { title: "Record learning" };

export default async function NewRecordPage() {
  await requireRole("STUDENT");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/records" className="underline">
          Learning records
        </Link>
      </p>
      <PageHeader title="Record learning" description="What you did and learned outside class. Add photos from your phone’s camera." />
      <RecordForm today={latestToday()} action={createRecordAction} />
    </>
  );
}

import type { Metadata } from "next";
import { PersonCreateForm } from "@/components/people/person-create-form";
import { PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { administeredOrganizations } from "@/lib/people/admin-queries";
import { createPersonAction } from "../actions";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const actor = await requireRole("ADMIN");
  const organizations = await administeredOrganizations(actor);
  return (
    <>
      <PageHeader
        title="Add a person"
        description="A student, teacher, parent or guardian, or another admin. They sign in with their school account, or set a password from the link we email them."
      />
      <PersonCreateForm organizations={organizations} create={createPersonAction} />
    </>
  );
}

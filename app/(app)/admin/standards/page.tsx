import type { Metadata } from "next";
import { FrameworkList } from "@/components/standards/framework-list";
import { FrameworkUpload } from "@/components/standards/framework-upload";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { frameworkOwners, listFrameworks } from "@/lib/standards/frameworks";
import { importFrameworkAction } from "./actions";

export const metadata: Metadata = { title: "Standards" };

export default async function StandardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireRole("ADMIN");
  const page = pageNumber((await searchParams).page);
  const [frameworks, owners] = await Promise.all([listFrameworks(actor, page), frameworkOwners(actor)]);
  return (
    <>
      <PageHeader
        title="Standards"
        description="Standards frameworks your plans' goals link to, imported from CASE 1.0 packages. A district's frameworks are shared by all its schools; a school's are its own."
      />
      <FrameworkUpload owners={owners} action={importFrameworkAction} />
      <FrameworkList frameworks={frameworks.items} />
      <Pagination page={frameworks.page} pageCount={frameworks.pageCount} href={(p) => `/admin/standards?page=${p}`} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { FrameworkTree } from "@/components/standards/framework-tree";
import { PageHeader, Pagination } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { pageNumber } from "@/lib/pagination";
import { getFrameworkLevel } from "@/lib/standards/frameworks";

export const metadata: Metadata = { title: "Standards framework" };

/** One level of a framework's tree (`?under=` a node), server-rendered a page at a time. */
export default async function FrameworkPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("ADMIN");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const under = typeof query.under === "string" && query.under ? query.under : undefined;
  const page = pageNumber(query.page);
  const { framework, path, level } = await orNotFound(getFrameworkLevel(actor, id, { parentId: under, page }));
  const href = (p: number) => `/admin/standards/${framework.id}?${new URLSearchParams({ ...(under ? { under } : {}), page: String(p) })}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/standards">← All frameworks</Link>
      </p>
      <PageHeader
        title={framework.title}
        description={`${framework.organization.name} · ${framework.items} items${framework.retired ? `, ${framework.retired} retired` : ""}${framework.version ? ` · version ${framework.version}` : ""}${framework.creator ? ` · ${framework.creator}` : ""}`}
      />
      <FrameworkTree frameworkId={framework.id} path={path} items={level.items} total={level.total} />
      <Pagination page={level.page} pageCount={level.pageCount} href={href} />
    </>
  );
}

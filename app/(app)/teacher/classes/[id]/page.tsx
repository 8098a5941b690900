import type { Metadata } from "next";
import Link from "next/link";
import { ClassDistribution } from "@/components/mastery/class-distribution";
import { ClassGridTable, StandardsKey } from "@/components/mastery/class-grid-table";
import { GridFilters, StandardChooser } from "@/components/mastery/grid-filters";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { requireRole } from "@/lib/auth/session";
import { classMasteryGrid } from "@/lib/mastery/class-grid";
import { gridOptionsOf, gridQueryOf, gridQueryString } from "@/lib/mastery/grid-schemas";
import { orNotFound } from "@/lib/not-found";
import { SUBJECT_LABEL, SUBJECTS } from "@/lib/plans/labels";

export const metadata: Metadata = { title: "Class mastery" };

export default async function ClassGridPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("TEACHER");
  const { id } = await params;
  const query = gridQueryOf(await searchParams);
  const options = gridOptionsOf(query);
  const grid = await orNotFound(classMasteryGrid(actor, id, options));
  const base = `/teacher/classes/${grid.class.id}`;
  const sortHref = (sort: string, dir: "asc" | "desc") => `${base}${gridQueryString({ ...query, sort, dir })}#grid`;
  const filters = { framework: query.framework, domain: query.domain, subject: query.subject, notYet: query.notYet };
  const chartStandard = grid.standards.find((s) => s.id === query.standard) ?? grid.standards[0];
  const chartData = chartStandard ? grid.distribution(chartStandard.id) : null;
  // The class's own subject is the default filter: "all subjects" is a choice.
  const filtered = Boolean(query.framework || query.domain || query.subject !== "ALL" || query.notYet);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/teacher/classes">← Class mastery</Link>
      </p>
      <PageHeader
        title={`${grid.class.name}: mastery`}
        description={`${grid.class.studentCount} students · ${SUBJECT_LABEL[grid.class.subject]}. Each cell is the student's current level on the standard, as their ratings decide it.`}
        actions={
          <>
            {/* A plain link: the file comes from a route handler, not a page. */}
            <a
              className={buttonClass("secondary")}
              href={`${base}/mastery.csv${gridQueryString({ ...filters, sort: query.sort, dir: query.dir })}`}
              download
            >
              Download CSV
            </a>
            <ButtonLink variant="secondary" href={`${base}/groups`}>
              Group by need
            </ButtonLink>
          </>
        }
      />
      <GridFilters
        frameworks={grid.frameworks.map((f) => ({ value: f.key, label: f.title }))}
        domains={grid.domains.map((d) => ({ value: d.id, label: d.label }))}
        subjectDefault={`${SUBJECT_LABEL[grid.class.subject]} (this class)`}
        subjects={[{ value: "ALL", label: "All subjects" }, ...SUBJECTS.map((s) => ({ value: s, label: SUBJECT_LABEL[s] }))]}
        values={{ ...filters, sort: query.sort, dir: query.dir }}
      />
      <section id="grid" aria-labelledby="grid-heading" className="mb-8">
        <h2 id="grid-heading" className="mb-2">
          Students and standards
        </h2>
        <p className="mb-3 text-xs text-slate-700">
          Sort by a student’s name or by the level on a standard with the column headings. “Not rated yet”: on their plan, no rating yet;
          “Not yet”: rated, but the method needs more; “—”: not in their plans.
        </p>
        {grid.standards.length === 0 || grid.students.length === 0 ? (
          <EmptyState>
            {grid.standards.length === 0
              ? filtered
                ? "No standard matches these filters."
                : "No standard is linked to your students’ plans yet."
              : "No student matches these filters."}
          </EmptyState>
        ) : (
          <>
            <ClassGridTable
              caption={`Mastery in ${grid.class.name}: ${grid.students.length} students × ${grid.standards.length} standards`}
              standards={grid.standards}
              students={grid.students}
              sort={options.sort ?? "name"}
              dir={options.dir ?? "asc"}
              sortHref={sortHref}
            />
            <StandardsKey standards={grid.standards} />
          </>
        )}
      </section>
      {chartStandard && chartData ? (
        <Card aria-labelledby="distribution-heading" id="distribution">
          <h2 id="distribution-heading" className="mb-3">
            Class distribution on a standard
          </h2>
          <StandardChooser standards={grid.standards} value={chartStandard.id} keep={{ ...filters, sort: query.sort, dir: query.dir }} />
          <ClassDistribution code={chartStandard.code} statement={chartStandard.description} data={chartData} />
        </Card>
      ) : null}
    </>
  );
}

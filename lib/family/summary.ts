// The family's home: one child at a time (the first by name unless another is asked for), with
// what needs the guardian, the child's plans and their progress, dates coming up, the latest
// feedback, growth on standards with a chart of it over time, and the latest learning records.
// Every part reads through the visibility builders (docs/decisions/family-home.md); what it costs
// grows with one child's records, never with the school's.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { withDisclosure } from "@/lib/disclosure/record";
import { NotFoundError } from "@/lib/errors";
import type { GrowthParts } from "@/lib/mastery/growth";
import { studentProgress, subjectSeries, type SubjectPoint } from "@/lib/mastery/progress";
import { listChildren } from "@/lib/people/queries";
import { listPlans } from "@/lib/plans/queries";
import { recentFeedback, recentRecords } from "./feedback";
import { needsOfGuardian } from "./needs";
import { upcomingDates } from "./upcoming";

/** How many standards the page lists under growth (the progress page has them all). */
export const GROWTH_LIMIT = 6;

export type FamilyChild = Awaited<ReturnType<typeof listChildren>>[number];

export type ChildGrowth = {
  /** Standards with their growth, those that have grown first. */
  standards: {
    id: string;
    code: string;
    statement: string;
    level: { name: string; colour: string } | null;
    growth: string | null;
    growthParts: GrowthParts | null;
  }[];
  /** How many standards were rated in all. */
  rated: number;
  /** After each rating, the share of the standards rated so far at a proficient level (all subjects). */
  overTime: SubjectPoint[];
};

export type ChildSummary = Awaited<ReturnType<typeof childSummary>>;

/**
 * The guardian's children and the summary of the one asked for (`childId`), or of the first.
 * A child id that is not one of theirs is NotFoundError. No children: `child` is null.
 */
export async function familyHome(actor: Actor, opts: { childId?: string; page?: number; now?: Date } = {}) {
  const children = await listChildren(actor);
  const child = opts.childId ? children.find((c) => c.id === opts.childId) : children[0];
  if (opts.childId && !child) throw new NotFoundError("That child");
  if (!child) return { children, child: null, summary: null };
  const summary = await withDisclosure(actor, { action: "student.view", entityType: "User", entityId: child.id, studentId: child.id }, () =>
    childSummary(actor, child, opts.page ?? 1, opts.now ?? new Date()),
  );
  return { children, child, summary };
}

async function childSummary(actor: Actor, child: FamilyChild, page: number, now: Date) {
  const [needs, plans, upcoming, feedback, records, progress] = await Promise.all([
    needsOfGuardian(actor, child.id),
    listPlans(actor, { page, studentId: child.id, scope: "acting" }),
    upcomingDates(actor, child.id, now),
    recentFeedback(actor, child.id),
    recentRecords(actor, child.id),
    studentProgress(actor, child.id, now),
  ]);
  const standards = progress.subjects.flatMap((s) => s.standards);
  const growth: ChildGrowth = {
    standards: [...standards]
      .sort((a, b) => Number(b.growth !== null) - Number(a.growth !== null))
      .slice(0, GROWTH_LIMIT)
      .map((s) => ({
        id: s.id,
        code: s.code,
        statement: s.statement,
        level: s.mastery.level,
        growth: s.growth,
        growthParts: s.growthParts,
      })),
    rated: standards.length,
    overTime: subjectSeries(standards),
  };
  return { needs, plans, upcoming, feedback, records, growth };
}

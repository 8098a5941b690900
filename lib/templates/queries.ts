// Reads of templates, always through templatesVisibleTo. Returns shaped data, never raw rows.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { keyset, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan, findVisiblePlanRow } from "@/lib/plans/access";
import { getPlan } from "@/lib/plans/queries";
import { classesForTemplate, findVisibleTemplate, ownerSelect, templatesVisibleTo } from "./access";
import { studentMembership } from "./commands";
import {
  canApplyTemplate,
  canCreateTemplate,
  canManageTemplate,
  canSeeTemplates,
  canStartFromTemplate,
  type TemplateOwner,
} from "./policy";
import { readGoals, type TemplateFormInput } from "./schemas";

function allowedOn(actor: Actor, t: TemplateOwner) {
  const student = studentMembership(actor);
  return {
    manage: canManageTemplate(actor, t),
    apply: canApplyTemplate(actor, t),
    start: canStartFromTemplate(actor, t, student ? { id: student.organizationId, districtId: actor.districtId } : null),
  };
}

/** "Northbrook Unified (district)" or the school's name. */
function ownerLabel(o: TemplateOwner["organization"]) {
  return o.type === "DISTRICT" ? `${o.name} (every school)` : o.name;
}

/** Templates in use (not archived), by name, a keyset page at a time. */
export async function listTemplates(actor: Actor, request: PageRequest): Promise<KeysetPage<TemplateSummary>> {
  const page = keyset("name", request);
  const rows = await db.planTemplate.findMany({
    where: { AND: [templatesVisibleTo(actor), { archivedAt: null }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: { ...ownerSelect, name: true, type: true, description: true, goals: true },
  });
  const { items, next, previous } = page.page(rows, (r) => r.name);
  return {
    next,
    previous,
    items: items.map((t) => ({
      id: t.id,
      name: t.name,
      type: t.type,
      description: t.description,
      owner: ownerLabel(t.organization),
      goalCount: readGoals(t.goals).length,
      allowed: allowedOn(actor, t),
    })),
  };
}
export type TemplateSummary = {
  id: string;
  name: string;
  type: "PERSONALIZED" | "INDEPENDENT_STUDY";
  description: string;
  owner: string;
  goalCount: number;
  allowed: ReturnType<typeof allowedOn>;
};

/** Whether the actor may create templates (the "New template" button, the "Save as template" link). */
export function mayCreateTemplates(actor: Actor) {
  return canCreateTemplate(actor);
}

/** Whether the templates pages are for the actor at all. */
export function mayUseTemplates(actor: Actor) {
  return canSeeTemplates(actor);
}

/** One template with everything its page shows, or NotFoundError when the actor may not see it. */
export async function getTemplate(actor: Actor, templateId: string) {
  const t = await findVisibleTemplate(db, actor, templateId, {
    name: true,
    type: true,
    description: true,
    version: true,
    goals: true,
    createdAt: true,
    updatedAt: true,
    createdBy: { select: { id: true, name: true } },
  });
  const goals = readGoals(t.goals);
  const allowed = allowedOn(actor, t);
  const standardIds = [...new Set(goals.flatMap((g) => g.standardIds))];
  const [standards, applications, classes] = await Promise.all([
    standardIds.length
      ? db.standard.findMany({ where: { id: { in: standardIds } }, select: { id: true, code: true, description: true } })
      : [],
    allowed.apply
      ? db.templateApplication.findMany({
          where: { templateId, class: classesForTemplate(actor, t.organization) },
          orderBy: [{ class: { name: "asc" } }, { id: "asc" }],
          take: 100,
          select: { id: true, startsOn: true, endsOn: true, lastSyncedAt: true, class: { select: { id: true, name: true } } },
        })
      : [],
    allowed.apply
      ? db.class.findMany({
          where: { AND: [classesForTemplate(actor, t.organization), { applications: { none: { templateId } } }] },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: 200,
          select: { id: true, name: true, school: { select: { name: true } } },
        })
      : [],
  ]);
  // Plan counts for the applications on this page only.
  const counts = applications.length
    ? await db.plan.groupBy({
        by: ["applicationId", "templateLinked"],
        where: { applicationId: { in: applications.map((a) => a.id) }, deletedAt: null },
        _count: { _all: true },
      })
    : [];
  const count = (applicationId: string, linked?: boolean) =>
    counts
      .filter((c) => c.applicationId === applicationId && (linked === undefined || c.templateLinked === linked))
      .reduce((n, c) => n + c._count._all, 0);
  const standardById = new Map(standards.map((s) => [s.id, s]));
  return {
    id: t.id,
    name: t.name,
    type: t.type,
    description: t.description,
    version: t.version,
    archived: t.archivedAt !== null,
    owner: ownerLabel(t.organization),
    organizationId: t.organization.id,
    district: t.organization.type === "DISTRICT",
    createdBy: displayName(t.createdBy),
    updatedAt: t.updatedAt,
    goals: goals.map((g) => ({
      ...g,
      standards: g.standardIds.map((id) => standardById.get(id)).filter((s): s is NonNullable<typeof s> => s !== undefined),
    })),
    applications: applications.map((a) => ({
      id: a.id,
      className: a.class.name,
      startsOn: isoDay(a.startsOn),
      endsOn: isoDay(a.endsOn),
      lastSyncedAt: a.lastSyncedAt,
      plans: count(a.id),
      following: count(a.id, true),
    })),
    classes: classes.map((c) => ({ id: c.id, name: c.name, school: c.school.name })),
    allowed,
  };
}
export type TemplateDetail = Awaited<ReturnType<typeof getTemplate>>;

/** A template as the values of its edit form. */
export function templateFormValues(t: TemplateDetail): TemplateFormInput {
  return {
    name: t.name,
    type: t.type,
    description: t.description,
    goals: t.goals.map((g) => ({
      subject: g.subject,
      title: g.title,
      successCriteria: g.successCriteria,
      masteryDemonstration: g.masteryDemonstration,
      standardIds: g.standardIds,
      activities: g.activities.map((a) => ({ ...a })),
    })),
  };
}

/**
 * A plan as a new template's values ("Save as template"): only for someone who teaches the
 * student or runs their school — seeing the plan as a parent is not enough to share it.
 */
export async function templateValuesFromPlan(actor: Actor, planId: string): Promise<TemplateFormInput> {
  const { relations } = await findVisiblePlan(db, actor, planId, { id: true });
  if (!canCreateTemplate(actor) || !allows(relations, "template:manage")) throw new NotFoundError("That plan");
  const plan = await getPlan(actor, planId);
  return {
    name: plan.title,
    type: plan.type,
    description: plan.summary,
    goals: plan.goals.map((g) => ({
      subject: g.subject,
      title: g.title,
      successCriteria: g.successCriteria,
      masteryDemonstration: g.masteryDemonstration,
      standardIds: g.standards.map((s) => s.id),
      // The plan's activities become suggestions; their ids stay with the plan.
      activities: g.activities.map((a) => ({
        description: a.description,
        setting: a.setting,
        timing: a.timing,
        withWhom: a.withWhom,
        resourceKind: a.resourceKind,
        resource: a.resource,
        resourceUrl: a.resourceUrl,
      })),
    })),
  };
}

/** What the plan page says about the plan's template, and what the actor may do about it. */
export async function planTemplateLink(actor: Actor, planId: string) {
  // The plan's columns as the plan page's other loaders read them (once per request); most plans
  // have no template, and then nothing more is read.
  const plan = await findVisiblePlanRow(actor, planId);
  const [template, visible] = plan.templateId
    ? await Promise.all([
        db.planTemplate.findUnique({ where: { id: plan.templateId }, select: { name: true } }),
        db.planTemplate.count({ where: { AND: [templatesVisibleTo(actor), { id: plan.templateId }] } }),
      ])
    : [null, 0];
  return {
    planId: plan.id,
    template: template && plan.templateId ? { id: plan.templateId, name: template.name, visible: visible > 0 } : null,
    linked: plan.templateLinked && plan.templateId !== null,
    mayUnlink: plan.templateLinked && allows(plan.relations, "plan:unlink-template"),
    maySaveAsTemplate: canCreateTemplate(actor) && allows(plan.relations, "template:manage"),
  };
}
export type PlanTemplateLink = Awaited<ReturnType<typeof planTemplateLink>>;

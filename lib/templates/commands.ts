// Writes to templates, and the plans made from them. Each command takes the actor, parses
// its input, finds the record through the access rules (a foreign id is not found),
// checks the policy, and acts in one transaction with an audit entry.
import "server-only";
import { membershipsAs, type Actor, type ActorMembership } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { allows } from "@/lib/auth/permissions";
import { fromIsoDay, isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { findVisiblePlan } from "@/lib/plans/access";
import { checkStandards } from "@/lib/plans/content";
import { classesForTemplate, findVisibleTemplate } from "./access";
import { canApplyTemplate, canCreateTemplate, canManageTemplate, canStartFromTemplate } from "./policy";
import {
  applySchema,
  goalsToStore,
  startFromTemplateSchema,
  syncSchema,
  templateArchiveSchema,
  templateFormSchema,
  templateUpdateSchema,
  unlinkSchema,
  type TemplateGoal,
} from "./schemas";
import { createLinkedPlans, followTemplate, syncApplication } from "./sync";

const CONFLICT_MESSAGE =
  "Someone else changed this template while you were working on it. Your changes are still in the form: copy anything you need, then reload to see the latest version.";

/** Template goals in the shape the plan rules check. */
const asGoals = (goals: readonly TemplateGoal[]) => goals.map((g) => ({ ...g, targetDate: "" }));

const orgSelect = { id: true, parentId: true, districtId: true } as const;

/** The organization a new template belongs to: where the person acts as teacher or admin. */
function owningMembership(actor: Actor): ActorMembership | undefined {
  const staff = (m: ActorMembership) => m.role === "TEACHER" || m.role === "ADMIN";
  return staff(actor.acting) ? actor.acting : actor.memberships.find(staff);
}

/** The school a student's own plans belong to. */
export function studentMembership(actor: Actor): ActorMembership | undefined {
  return actor.acting.role === "STUDENT" ? actor.acting : membershipsAs(actor, "STUDENT")[0];
}

export async function createTemplate(actor: Actor, input: unknown): Promise<{ id: string }> {
  const template = templateFormSchema.parse(input);
  const owner = owningMembership(actor);
  if (!owner || !canCreateTemplate(actor)) throw new ForbiddenError("Only teachers and admins can create templates.");
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: owner.organizationId }, select: orgSelect });
    await checkStandards(tx, org, asGoals(template.goals));
    const created = await tx.planTemplate.create({
      data: {
        organizationId: org.id,
        createdById: actor.id,
        name: template.name,
        type: template.type,
        description: template.description,
        goals: goalsToStore(template.goals),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: org.id,
      actorId: actor.id,
      action: "template.create",
      entityType: "PlanTemplate",
      entityId: created.id,
    });
    return created;
  });
}

/** Saves a new version of the template, and brings the plans still following it up to date. */
export async function updateTemplate(actor: Actor, input: unknown): Promise<{ version: number; updated: number; leftAsTheyAre: number }> {
  const { templateId, version, template } = templateUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await findVisibleTemplate(tx, actor, templateId, { id: true });
    if (!canManageTemplate(actor, current)) throw new ForbiddenError("Only its author or an admin of its school can change this template.");
    await checkStandards(tx, current.organization, asGoals(template.goals));
    const bumped = await tx.planTemplate.updateManyAndReturn({
      where: { id: templateId, version, archivedAt: null },
      data: {
        name: template.name,
        type: template.type,
        description: template.description,
        goals: goalsToStore(template.goals),
        version: { increment: 1 },
      },
      select: { id: true, name: true, type: true, description: true, version: true, goals: true },
    });
    const saved = bumped[0];
    if (!saved) throw new ConflictError(CONFLICT_MESSAGE);
    const followed = await followTemplate(tx, saved, actor.id);
    await recordAudit(tx, {
      organizationId: current.organization.id,
      actorId: actor.id,
      action: "template.update",
      entityType: "PlanTemplate",
      entityId: templateId,
      detail: { version: saved.version, ...followed },
    });
    return { version: saved.version, ...followed };
  });
}

/** Archived, never deleted: plans made from it keep pointing at it for the record. */
export async function archiveTemplate(actor: Actor, input: unknown): Promise<null> {
  const { templateId, version } = templateArchiveSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await findVisibleTemplate(tx, actor, templateId, { id: true });
    if (!canManageTemplate(actor, current))
      throw new ForbiddenError("Only its author or an admin of its school can archive this template.");
    const done = await tx.planTemplate.updateMany({
      where: { id: templateId, version, archivedAt: null },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    if (done.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
    await recordAudit(tx, {
      organizationId: current.organization.id,
      actorId: actor.id,
      action: "template.archive",
      entityType: "PlanTemplate",
      entityId: templateId,
    });
    return null;
  });
}

async function findApplicableClass(tx: Tx, actor: Actor, classId: string, owner: Parameters<typeof classesForTemplate>[1]) {
  const found = await tx.class.findFirst({
    where: { AND: [classesForTemplate(actor, owner), { id: classId }] },
    select: { id: true, name: true, schoolId: true },
  });
  if (!found) throw new NotFoundError("That class");
  return found;
}

/** Applies the template to a class: one linked draft plan for every student enrolled now. */
export async function applyTemplate(actor: Actor, input: unknown): Promise<{ applicationId: string; created: number }> {
  const { templateId, classId, startsOn, endsOn } = applySchema.parse(input);
  return db.$transaction(async (tx) => {
    const template = await findVisibleTemplate(tx, actor, templateId, { id: true });
    if (!canApplyTemplate(actor, template)) throw new ForbiddenError("This template cannot be applied.");
    const klass = await findApplicableClass(tx, actor, classId, template.organization);
    let applicationId: string;
    try {
      applicationId = (
        await tx.templateApplication.create({
          data: { templateId, classId: klass.id, appliedById: actor.id, startsOn: fromIsoDay(startsOn), endsOn: fromIsoDay(endsOn) },
          select: { id: true },
        })
      ).id;
    } catch (error) {
      // Unique (templateId, classId): applied already, perhaps a moment ago by a colleague.
      if ((error as { code?: unknown } | null)?.code === "P2002") {
        throw new InputError(
          `This template is already applied to ${klass.name}. Use “Sync plans” to give newly enrolled students theirs.`,
          {
            classId: ["Already applied to this class."],
          },
        );
      }
      throw error;
    }
    const { created } = await syncApplication(tx, applicationId, actor.id);
    await recordAudit(tx, {
      organizationId: klass.schoolId,
      actorId: actor.id,
      action: "template.apply",
      entityType: "TemplateApplication",
      entityId: applicationId,
      detail: { templateId, classId: klass.id, created },
    });
    return { applicationId, created };
  });
}

/** Gives students enrolled since the template was applied their plans; creates nothing twice. */
export async function syncTemplateApplication(actor: Actor, input: unknown): Promise<{ created: number }> {
  const { applicationId } = syncSchema.parse(input);
  return db.$transaction(async (tx) => {
    const app = await tx.templateApplication.findFirst({ where: { id: applicationId }, select: { templateId: true, classId: true } });
    if (!app) throw new NotFoundError("That class's plans");
    // Both must be the actor's to reach: the template visible, the class one they may apply to.
    const template = await findVisibleTemplate(tx, actor, app.templateId, { id: true }).catch(() => {
      throw new NotFoundError("That class's plans");
    });
    if (!canApplyTemplate(actor, template)) throw new ForbiddenError("This template is archived: its plans are no longer synced.");
    const klass = await findApplicableClass(tx, actor, app.classId, template.organization).catch(() => {
      throw new NotFoundError("That class's plans");
    });
    const result = await syncApplication(tx, applicationId, actor.id);
    await recordAudit(tx, {
      organizationId: klass.schoolId,
      actorId: actor.id,
      action: "template.sync",
      entityType: "TemplateApplication",
      entityId: applicationId,
      detail: result,
    });
    return result;
  });
}

/** A student starts a plan of their own from a template of their school or district. */
export async function startPlanFromTemplate(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { templateId } = startFromTemplateSchema.parse(input);
  const asStudent = studentMembership(actor);
  if (!asStudent) throw new ForbiddenError("Only students can start their own plans.");
  return db.$transaction(async (tx) => {
    const template = await findVisibleTemplate(tx, actor, templateId, {
      name: true,
      type: true,
      description: true,
      version: true,
      goals: true,
    });
    const school = await tx.organization.findUniqueOrThrow({ where: { id: asStudent.organizationId }, select: orgSelect });
    if (!canStartFromTemplate(actor, template, school)) throw new ForbiddenError("You cannot start a plan from this template.");
    const today = fromIsoDay(isoDay(new Date()));
    const [id] = await createLinkedPlans(tx, {
      template: { ...template, id: templateId },
      school,
      studentIds: [actor.id],
      actorId: actor.id,
      startsOn: today,
      // Eight weeks, like a new plan: the student sets their own dates while it is a draft.
      endsOn: new Date(today.getTime() + 56 * 86_400_000),
      applicationId: null,
    });
    if (!id) throw new Error("The plan was not created");
    return { id };
  });
}

/** The plan stops following its template; its content stays exactly as it is. */
export async function unlinkTemplate(actor: Actor, input: unknown): Promise<null> {
  const { planId } = unlinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, schoolId: true, templateLinked: true, templateId: true });
    if (!allows(plan.relations, "plan:unlink-template")) throw new ForbiddenError("You cannot unlink this plan from its template.");
    const done = await tx.plan.updateMany({ where: { id: planId, templateLinked: true }, data: { templateLinked: false } });
    if (done.count === 0) throw new InputError("This plan does not follow a template.");
    await tx.planEvent.create({
      data: {
        planId,
        kind: "TEMPLATE_UNLINKED",
        actorId: actor.id,
        fromStatus: plan.status,
        toStatus: plan.status,
        note: "Unlinked from its template",
      },
    });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "plan.unlink_template",
      entityType: "Plan",
      entityId: planId,
      detail: { templateId: plan.templateId },
    });
    return null;
  });
}

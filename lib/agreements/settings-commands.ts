// Changing the independent study settings: the board's policies (a school's own, or removed to
// fall back to the district's), the school year (a school's own, or the district's) and the
// closures. Each: the admin gate, the organization through access (a foreign id is not found;
// the district, seen by a school admin, is not theirs to change), one transaction, an audit
// event. Agreements copy the policies when sent, so nothing here alters a sent agreement.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { formatDay, fromIsoDay, isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, MESSAGES, NotFoundError } from "@/lib/errors";
import { visibleOrganizations } from "@/lib/mastery/admin-access";
import { CORE_SUBJECTS } from "./elements";
import { studyPolicyFormSchema } from "./schemas";
import { isSchoolDay } from "./school-days";
import { managesOrganization, requireStudyAdmin, visibleOrganization, yearOf } from "./settings";
import {
  closureFormSchema,
  districtYearSchema,
  GRADE_KEYS,
  removeClosureSchema,
  removeStudyPolicySchema,
  schoolYearFormSchema,
} from "./settings-schemas";

const POLICY_CONFLICT = "Someone else changed these policies since you opened them. Reload to see their change, then make yours again.";
const YEAR_CONFLICT = "Someone else changed this school year since you opened it. Reload to see their change, then make yours again.";
const DISTRICT_ONLY = "Only a district admin changes the district's settings.";

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** The organization, when the actor manages it: NotFound outside what they see, Forbidden for a district they only see. */
async function managedOrganization(tx: Tx, actor: Actor, organizationId: string) {
  const org = await visibleOrganization(tx, actor, organizationId);
  if (!managesOrganization(actor, org.id)) throw new ForbiddenError(DISTRICT_ONLY);
  return org;
}

export async function setStudyPolicy(actor: Actor, input: unknown): Promise<{ id: string; version: number }> {
  requireStudyAdmin(actor);
  const p = studyPolicyFormSchema.parse(input);
  return db
    .$transaction(async (tx) => {
      const org = await managedOrganization(tx, actor, p.organizationId);
      const policy = {
        maxDaysToDue: Object.fromEntries(GRADE_KEYS.map((grade, i) => [grade, p.maxDaysToDue[i]!])),
        missedAssignmentsLimit: p.missedAssignmentsLimit,
        satisfactoryProgress: p.satisfactoryProgress,
        // Stored in the subjects' usual order, once each, whatever order the boxes were ticked in.
        requiredSubjects: CORE_SUBJECTS.filter((s) => p.requiredSubjects.includes(s)),
      };
      const existing = await tx.studyPolicy.findUnique({ where: { organizationId: org.id }, select: { id: true, version: true } });
      let saved: { id: string; version: number };
      if (existing) {
        if (p.version !== existing.version) throw new ConflictError(POLICY_CONFLICT);
        const bumped = await tx.studyPolicy.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...policy, updatedById: actor.id, version: { increment: 1 } },
        });
        if (bumped.count === 0) throw new ConflictError(POLICY_CONFLICT);
        saved = { id: existing.id, version: existing.version + 1 };
      } else {
        // The form had a policy that someone removed meanwhile.
        if (p.version !== undefined) throw new ConflictError(POLICY_CONFLICT);
        saved = await tx.studyPolicy.create({
          data: { ...policy, organizationId: org.id, updatedById: actor.id },
          select: { id: true, version: true },
        });
      }
      await recordAudit(tx, {
        organizationId: org.id,
        actorId: actor.id,
        action: existing ? "study-policy.update" : "study-policy.create",
        entityType: "StudyPolicy",
        entityId: saved.id,
        detail: policy,
      });
      return saved;
    })
    .catch((error: unknown) => {
      // Two admins creating a school's first policy at once: one wins, the other reloads.
      if (isUniqueViolation(error)) throw new ConflictError(POLICY_CONFLICT);
      throw error;
    });
}

/** Removes a school's own policies: the district's apply there again (to agreements sent from now on). */
export async function removeStudyPolicy(actor: Actor, input: unknown): Promise<{ organizationId: string }> {
  requireStudyAdmin(actor);
  const { policyId, version } = removeStudyPolicySchema.parse(input);
  return db.$transaction(async (tx) => {
    const policy = await tx.studyPolicy.findFirst({
      where: { id: policyId, organization: visibleOrganizations(actor) },
      select: { id: true, version: true, organizationId: true, organization: { select: { type: true } } },
    });
    if (!policy) throw new NotFoundError("That policy");
    if (!managesOrganization(actor, policy.organizationId)) throw new ForbiddenError(DISTRICT_ONLY);
    if (policy.organization.type === "DISTRICT")
      throw new ForbiddenError("The district's policies cannot be removed: schools without their own use them.");
    if (version !== policy.version) throw new ConflictError(POLICY_CONFLICT);
    const removed = await tx.studyPolicy.deleteMany({ where: { id: policy.id, version } });
    if (removed.count === 0) throw new ConflictError(POLICY_CONFLICT);
    await recordAudit(tx, {
      organizationId: policy.organizationId,
      actorId: actor.id,
      action: "study-policy.remove",
      entityType: "StudyPolicy",
      entityId: policy.id,
    });
    return { organizationId: policy.organizationId };
  });
}

/** The own school year's dates as the form shows them ("" when none). */
const loadedOf = (o: { schoolYearStartsOn: Date | null; schoolYearEndsOn: Date | null }) => ({
  startsOn: o.schoolYearStartsOn ? isoDay(o.schoolYearStartsOn) : "",
  endsOn: o.schoolYearEndsOn ? isoDay(o.schoolYearEndsOn) : "",
});

/**
 * Writes the organization's own school year, if it still holds the dates the form loaded (the
 * where re-checks them under the row lock, so two admins cannot both win).
 */
async function writeYear(
  tx: Tx,
  org: { id: string; schoolYearStartsOn: Date | null; schoolYearEndsOn: Date | null },
  loaded: { startsOn: string; endsOn: string },
  next: { startsOn: string; endsOn: string } | null,
) {
  const now = loadedOf(org);
  if (now.startsOn !== loaded.startsOn || now.endsOn !== loaded.endsOn) throw new ConflictError(YEAR_CONFLICT);
  const written = await tx.organization.updateMany({
    where: { id: org.id, schoolYearStartsOn: org.schoolYearStartsOn, schoolYearEndsOn: org.schoolYearEndsOn },
    data: {
      schoolYearStartsOn: next ? fromIsoDay(next.startsOn) : null,
      schoolYearEndsOn: next ? fromIsoDay(next.endsOn) : null,
    },
  });
  if (written.count === 0) throw new ConflictError(YEAR_CONFLICT);
}

export async function setSchoolYear(actor: Actor, input: unknown): Promise<{ startsOn: string; endsOn: string }> {
  requireStudyAdmin(actor);
  const y = schoolYearFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const org = await managedOrganization(tx, actor, y.organizationId);
    const year = { startsOn: y.startsOn, endsOn: y.endsOn };
    await writeYear(tx, org, y.loaded, year);
    await recordAudit(tx, {
      organizationId: org.id,
      actorId: actor.id,
      action: "school-year.set",
      entityType: "Organization",
      entityId: org.id,
      detail: { ...year, previous: yearOf(org) },
    });
    return year;
  });
}

/** A school stops overriding the district's school year. */
export async function followDistrictSchoolYear(actor: Actor, input: unknown): Promise<{ organizationId: string }> {
  requireStudyAdmin(actor);
  const y = districtYearSchema.parse(input);
  return db.$transaction(async (tx) => {
    const org = await managedOrganization(tx, actor, y.organizationId);
    if (org.type === "DISTRICT")
      throw new ForbiddenError("The district's school year cannot be removed: schools without their own use it.");
    await writeYear(tx, org, y.loaded, null);
    await recordAudit(tx, {
      organizationId: org.id,
      actorId: actor.id,
      action: "school-year.remove",
      entityType: "Organization",
      entityId: org.id,
      detail: { previous: yearOf(org) },
    });
    return { organizationId: org.id };
  });
}

/** The school year a closure must fall in: the organization's own, else its district's. */
function effectiveYear(org: Parameters<typeof yearOf>[0] & { type: string; district: Parameters<typeof yearOf>[0] }) {
  return yearOf(org) ?? (org.type === "SCHOOL" ? yearOf(org.district) : null);
}

export async function addClosure(actor: Actor, input: unknown): Promise<{ id: string; day: string; name: string }> {
  requireStudyAdmin(actor);
  const c = closureFormSchema.parse(input);
  const dayError = (message: string) => new InputError(MESSAGES.INVALID, { day: [message] });
  return db
    .$transaction(async (tx) => {
      const org = await managedOrganization(tx, actor, c.organizationId);
      const year = effectiveYear(org);
      if (!year) throw dayError("Set the school year first: a closure is a day within it.");
      if (c.day < year.startsOn || c.day > year.endsOn) {
        throw dayError(`Choose a day within the school year, ${formatDay(year.startsOn)} to ${formatDay(year.endsOn)}.`);
      }
      if (!isSchoolDay(c.day, year)) throw dayError("That is a Saturday or Sunday, never a school day: choose a weekday.");
      // A day the district already closes is closed at every school: a second entry would only confuse.
      const same = await tx.schoolClosure.findFirst({
        where: { day: fromIsoDay(c.day), organizationId: { in: [org.id, org.districtId] } },
        select: { name: true, organizationId: true },
      });
      if (same) {
        throw dayError(
          same.organizationId === org.id
            ? `There is already a closure that day: ${same.name}.`
            : `The district already closes every school that day: ${same.name}.`,
        );
      }
      const created = await tx.schoolClosure.create({
        data: { organizationId: org.id, day: fromIsoDay(c.day), name: c.name },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: org.id,
        actorId: actor.id,
        action: "school-closure.create",
        entityType: "SchoolClosure",
        entityId: created.id,
        detail: { day: c.day, name: c.name },
      });
      return { id: created.id, day: c.day, name: c.name };
    })
    .catch((error: unknown) => {
      // Another admin added the same day a moment ago.
      if (isUniqueViolation(error)) throw dayError("There is already a closure that day.");
      throw error;
    });
}

export async function removeClosure(actor: Actor, input: unknown): Promise<{ day: string; name: string }> {
  requireStudyAdmin(actor);
  const { closureId } = removeClosureSchema.parse(input);
  return db.$transaction(async (tx) => {
    const closure = await tx.schoolClosure.findFirst({
      where: { id: closureId, organization: visibleOrganizations(actor) },
      select: { id: true, day: true, name: true, organizationId: true },
    });
    if (!closure) throw new NotFoundError("That closure");
    // The district's closures are shown to a school admin, not theirs to remove.
    if (!managesOrganization(actor, closure.organizationId)) throw new ForbiddenError(DISTRICT_ONLY);
    const removed = await tx.schoolClosure.deleteMany({ where: { id: closure.id } });
    if (removed.count === 0) throw new NotFoundError("That closure");
    const day = isoDay(closure.day);
    await recordAudit(tx, {
      organizationId: closure.organizationId,
      actorId: actor.id,
      action: "school-closure.remove",
      entityType: "SchoolClosure",
      entityId: closure.id,
      detail: { day, name: closure.name },
    });
    return { day, name: closure.name };
  });
}

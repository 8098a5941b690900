// Saving learning groups and adding a shared activity to their members' plans. Each command:
// parse → load through access (a class the actor teaches now) → check input against the DB →
// write → audit, in one transaction.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fromIsoDay } from "@/lib/dates";
import { InputError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { taughtClass } from "@/lib/mastery/class-grid";
import { recordRevisions } from "@/lib/plans/revisions";
import { groupsManagedBy, requireGroupManager } from "./access";
import { groupActivitySchema, groupFormSchema, withGroup } from "./schemas";

/** Creates a group, or (with groupId) replaces a saved group's name, note, date, standards and members. */
export async function saveGroup(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = groupFormSchema.parse(input);
  requireGroupManager(actor);
  return db.$transaction(async (tx) => {
    const cls = await taughtClass(tx, actor, data.classId);
    const enrolled = new Set(cls.students.map((s) => s.id));
    const studentIds = [...new Set(data.studentIds)];
    // A tampered id (a student of another class) is refused, never silently dropped.
    if (studentIds.some((id) => !enrolled.has(id)))
      throw new InputError("Only students enrolled in this class can be in its groups.", {
        studentIds: ["Choose students of this class."],
      });
    const standardIds = [...new Set(data.standardIds)];
    const school = await tx.organization.findUniqueOrThrow({ where: { id: cls.schoolId }, select: { parentId: true, districtId: true } });
    const owners = [cls.schoolId, school.parentId, school.districtId].filter((o): o is string => o !== null);
    const known = await tx.standard.count({ where: { id: { in: standardIds }, organizationId: { in: owners } } });
    if (known !== standardIds.length)
      throw new InputError("Choose standards of this school or district.", {
        standardIds: ["Choose standards of this school or district."],
      });

    const fields = { name: data.name, note: data.note, meetsOn: data.meetsOn ? fromIsoDay(data.meetsOn) : null };
    let id: string;
    if (data.groupId) {
      const found = await tx.learningGroup.findFirst({
        where: { AND: [groupsManagedBy(actor), { id: data.groupId, classId: cls.id }] },
        select: { id: true },
      });
      if (!found) throw new NotFoundError("That group");
      id = found.id;
      await tx.learningGroup.update({ where: { id }, data: fields });
      await tx.learningGroupMember.deleteMany({ where: { groupId: id } });
      await tx.learningGroupStandard.deleteMany({ where: { groupId: id } });
    } else {
      ({ id } = await tx.learningGroup.create({ data: { ...fields, classId: cls.id, createdById: actor.id }, select: { id: true } }));
    }
    await tx.learningGroupMember.createMany({ data: studentIds.map((studentId) => ({ groupId: id, studentId })) });
    await tx.learningGroupStandard.createMany({ data: standardIds.map((standardId) => ({ groupId: id, standardId })) });
    await recordAudit(tx, {
      organizationId: cls.schoolId,
      actorId: actor.id,
      action: data.groupId ? "group.updated" : "group.created",
      entityType: "LearningGroup",
      entityId: id,
      detail: { classId: cls.id, name: data.name, studentIds, standardIds, meetsOn: data.meetsOn || null },
    });
    return { id };
  });
}

export type GroupActivityResult = {
  added: { studentId: string; name: string }[];
  /** Members without an active plan with a goal on one of the group's standards: named, not guessed. */
  skipped: { studentId: string; name: string }[];
};

/**
 * One activity on each member's active plan (at the class's school), on their first goal linked to
 * one of the group's standards, marked with the group. The plans' versions move on and each gets a
 * revision, as any edit does.
 */
export async function addGroupActivity(actor: Actor, input: unknown): Promise<GroupActivityResult> {
  const data = groupActivitySchema.parse(input);
  requireGroupManager(actor);
  return db.$transaction(async (tx) => {
    const group = await tx.learningGroup.findFirst({
      where: { AND: [groupsManagedBy(actor), { id: data.groupId }] },
      select: {
        id: true,
        name: true,
        classId: true,
        class: { select: { schoolId: true } },
        standards: { select: { standardId: true } },
        members: { orderBy: { student: { name: "asc" } }, select: { student: { select: { id: true, name: true } } } },
      },
    });
    if (!group) throw new NotFoundError("That group");
    // Members must still be students of the class the actor teaches.
    const cls = await taughtClass(tx, actor, group.classId);
    const enrolled = new Set(cls.students.map((s) => s.id));
    const members = group.members.map((m) => m.student).filter((s) => enrolled.has(s.id));
    const goals = await tx.goal.findMany({
      where: {
        plan: { studentId: { in: members.map((m) => m.id) }, status: "ACTIVE", deletedAt: null, schoolId: group.class.schoolId },
        standards: { some: { standardId: { in: group.standards.map((s) => s.standardId) } } },
      },
      orderBy: [{ plan: { updatedAt: "desc" } }, { position: "asc" }],
      select: {
        id: true,
        planId: true,
        plan: { select: { studentId: true } },
        activities: { orderBy: { position: "desc" }, take: 1, select: { position: true } },
      },
    });
    const goalOf = new Map<string, (typeof goals)[number]>();
    for (const g of goals) if (!goalOf.has(g.plan.studentId)) goalOf.set(g.plan.studentId, g);
    const added = members.filter((m) => goalOf.has(m.id));
    const skipped = members.filter((m) => !goalOf.has(m.id));
    const chosen = added.map((m) => goalOf.get(m.id)!);
    if (chosen.length) {
      await tx.activity.createMany({
        data: chosen.map((g) => ({
          goalId: g.id,
          position: (g.activities[0]?.position ?? -1) + 1,
          description: data.description,
          setting: "IN_SCHOOL" as const,
          timing: data.timing,
          withWhom: withGroup(group.name),
          groupId: group.id,
        })),
      });
      const planIds = [...new Set(chosen.map((g) => g.planId))];
      await tx.plan.updateMany({ where: { id: { in: planIds } }, data: { version: { increment: 1 } } });
      await recordRevisions(tx, planIds, "EDITED", actor.id);
    }
    await recordAudit(tx, {
      organizationId: group.class.schoolId,
      actorId: actor.id,
      action: "group.activity-added",
      entityType: "LearningGroup",
      entityId: group.id,
      detail: { description: data.description, added: added.map((m) => m.id), skipped: skipped.map((m) => m.id) },
    });
    const pick = (m: { id: string; name: string }) => ({ studentId: m.id, name: m.name });
    return { added: added.map(pick), skipped: skipped.map(pick) };
  });
}

// Admins' writes about courses, terms, classes and enrollments, each one transaction with
// its audit row. Ending never deletes: an enrollment ends by getting its last day (see
// enrollment-dates.ts), so who was in a class, and when, stays on record.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { fromIsoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { InputError, MESSAGES, NotFoundError } from "@/lib/errors";
import type { EnrollmentRole, Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { classesAdministered, coursesAdministered, schoolsAdministered, termsAdministered } from "./access";
import { lastDayBeforeToday, todayUtc } from "./enrollment-dates";
import {
  classFormSchema,
  courseFormSchema,
  endClassSchema,
  endEnrollmentSchema,
  enrollSchema,
  moveStudentSchema,
  termFormSchema,
} from "./schemas";

const requireAdmin = (actor: Actor) => requireAllowed(actor, "people:view");

const grade = (value: string) => (value === "" ? null : Number(value));

/** The message goes next to the field; the form's summary says only that something needs correcting. */
function fieldError(field: string, message: string): never {
  throw new InputError(MESSAGES.INVALID, { [field]: [message] });
}

async function administeredSchool(tx: Tx, actor: Actor, schoolId: string) {
  const school = await tx.organization.findFirst({ where: { AND: [schoolsAdministered(actor), { id: schoolId }] }, select: { id: true } });
  if (!school) fieldError("organizationId", "Choose one of your schools.");
  return school;
}

export async function createCourse(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = courseFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const school = await administeredSchool(tx, actor, data.organizationId);
    const course = await tx.course.create({
      data: { schoolId: school.id, title: data.title, code: data.code || null, subject: data.subject, gradeLevel: grade(data.gradeLevel) },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: school.id,
      actorId: actor.id,
      action: "course.create",
      entityType: "Course",
      entityId: course.id,
    });
    return course;
  });
}

export async function updateCourse(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = courseFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const course = await tx.course.findFirst({
      where: { AND: [coursesAdministered(actor), { id: data.courseId }] },
      select: { id: true, schoolId: true },
    });
    if (!course) throw new NotFoundError("That course");
    await tx.course.update({
      where: { id: course.id },
      data: { title: data.title, code: data.code || null, subject: data.subject, gradeLevel: grade(data.gradeLevel) },
    });
    await recordAudit(tx, {
      organizationId: course.schoolId,
      actorId: actor.id,
      action: "course.update",
      entityType: "Course",
      entityId: course.id,
    });
    return { id: course.id };
  });
}

export async function createTerm(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = termFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const school = await administeredSchool(tx, actor, data.organizationId);
    const term = await tx.term.create({
      data: { schoolId: school.id, name: data.name, startsOn: fromIsoDay(data.startsOn), endsOn: fromIsoDay(data.endsOn) },
      select: { id: true },
    });
    await recordAudit(tx, { organizationId: school.id, actorId: actor.id, action: "term.create", entityType: "Term", entityId: term.id });
    return term;
  });
}

export async function updateTerm(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = termFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const term = await tx.term.findFirst({
      where: { AND: [termsAdministered(actor), { id: data.termId }] },
      select: { id: true, schoolId: true },
    });
    if (!term) throw new NotFoundError("That term");
    await tx.term.update({
      where: { id: term.id },
      data: { name: data.name, startsOn: fromIsoDay(data.startsOn), endsOn: fromIsoDay(data.endsOn) },
    });
    await recordAudit(tx, {
      organizationId: term.schoolId,
      actorId: actor.id,
      action: "term.update",
      entityType: "Term",
      entityId: term.id,
    });
    return { id: term.id };
  });
}

/** The course (and term) of a class's form, both of one school the admin runs. */
async function classParts(tx: Tx, actor: Actor, data: { courseId: string; termId: string }, schoolId?: string) {
  const course = await tx.course.findFirst({
    where: { AND: [coursesAdministered(actor), { id: data.courseId }, schoolId ? { schoolId } : {}] },
    select: { id: true, schoolId: true },
  });
  if (!course) fieldError("courseId", "Choose one of the school's courses.");
  if (data.termId) {
    const term = await tx.term.findFirst({ where: { id: data.termId, schoolId: course.schoolId }, select: { id: true } });
    if (!term) fieldError("termId", "Choose one of the school's terms.");
  }
  return { schoolId: course.schoolId, courseId: course.id, termId: data.termId || null };
}

export async function createClass(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = classFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const parts = await classParts(tx, actor, data);
    const created = await tx.class.create({
      data: { ...parts, name: data.name, gradeLevel: grade(data.gradeLevel) },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: parts.schoolId,
      actorId: actor.id,
      action: "class.create",
      entityType: "Class",
      entityId: created.id,
    });
    return created;
  });
}

/** Edits a class; its school stays (its course and term must be the school's). */
export async function updateClass(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = classFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.class.findFirst({
      where: { AND: [classesAdministered(actor), { id: data.classId }] },
      select: { id: true, schoolId: true },
    });
    if (!found) throw new NotFoundError("That class");
    const parts = await classParts(tx, actor, data, found.schoolId);
    await tx.class.update({
      where: { id: found.id },
      data: { courseId: parts.courseId, termId: parts.termId, name: data.name, gradeLevel: grade(data.gradeLevel) },
    });
    await recordAudit(tx, {
      organizationId: found.schoolId,
      actorId: actor.id,
      action: "class.update",
      entityType: "Class",
      entityId: found.id,
    });
    return { id: found.id };
  });
}

/** Enrollments that count today or later: ending them makes yesterday their last day. */
const notEnded = (): Prisma.EnrollmentWhereInput => ({ OR: [{ endsOn: null }, { endsOn: { gte: todayUtc() } }] });

/** Ends a class: every enrollment that has not ended gets yesterday as its last day. The class and its history stay. */
export async function endClass(actor: Actor, input: unknown): Promise<{ id: string; ended: number }> {
  requireAdmin(actor);
  const { classId } = endClassSchema.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.class.findFirst({
      where: { AND: [classesAdministered(actor), { id: classId }] },
      select: { id: true, schoolId: true },
    });
    if (!found) throw new NotFoundError("That class");
    const { count } = await tx.enrollment.updateMany({
      where: { classId: found.id, ...notEnded() },
      data: { endsOn: lastDayBeforeToday() },
    });
    await recordAudit(tx, {
      organizationId: found.schoolId,
      actorId: actor.id,
      action: "class.end",
      entityType: "Class",
      entityId: found.id,
      detail: { enrollmentsEnded: count },
    });
    return { id: found.id, ended: count };
  });
}

/** Who may hold an enrollment role: a student is a student of the school; teachers and aides are its teachers. */
const MEMBERSHIP_FOR: Record<EnrollmentRole, Role> = { STUDENT: "STUDENT", TEACHER: "TEACHER", AIDE: "TEACHER" };
const NOT_A_MEMBER: Record<EnrollmentRole, string> = {
  STUDENT: "They are not a student of this school.",
  TEACHER: "They are not a teacher of this school.",
  AIDE: "They are not a teacher or aide of this school.",
};

/**
 * Puts a person in a class from `beginsOn` (today when not given), or starts again an
 * enrollment of theirs in that role that has ended (one row per person, class and role).
 */
async function enrollIn(
  tx: Tx,
  actor: Actor,
  target: { classId: string; schoolId: string },
  person: { userId: string; role: EnrollmentRole; beginsOn: Date },
  field: string,
) {
  const member = await tx.user.findFirst({
    where: {
      id: person.userId,
      districtId: actor.districtId,
      disabledAt: null,
      memberships: { some: { role: MEMBERSHIP_FOR[person.role], endedAt: null, organizationId: target.schoolId } },
    },
    select: { id: true },
  });
  if (!member) fieldError(field, NOT_A_MEMBER[person.role]);
  const key = { classId_userId_role: { classId: target.classId, userId: member.id, role: person.role } };
  const existing = await tx.enrollment.findUnique({ where: key, select: { id: true, endsOn: true } });
  if (existing && (!existing.endsOn || existing.endsOn >= todayUtc())) fieldError(field, "They are in this class already.");
  const enrollment = existing
    ? await tx.enrollment.update({
        where: { id: existing.id },
        data: { beginsOn: person.beginsOn, endsOn: null, source: null },
        select: { id: true },
      })
    : await tx.enrollment.create({
        data: { classId: target.classId, userId: member.id, role: person.role, beginsOn: person.beginsOn },
        select: { id: true },
      });
  return { id: enrollment.id, restarted: Boolean(existing) };
}

export async function enroll(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = enrollSchema.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.class.findFirst({
      where: { AND: [classesAdministered(actor), { id: data.classId }] },
      select: { id: true, schoolId: true },
    });
    if (!found) throw new NotFoundError("That class");
    const beginsOn = data.beginsOn ? fromIsoDay(data.beginsOn) : todayUtc();
    const made = await enrollIn(
      tx,
      actor,
      { classId: found.id, schoolId: found.schoolId },
      { userId: data.userId, role: data.role, beginsOn },
      "userId",
    );
    await recordAudit(tx, {
      organizationId: found.schoolId,
      actorId: actor.id,
      action: made.restarted ? "enrollment.restart" : "enrollment.create",
      entityType: "Enrollment",
      entityId: made.id,
      detail: { classId: found.id, userId: data.userId, role: data.role },
    });
    return { id: made.id };
  });
}

async function findOpenEnrollment(tx: Tx, actor: Actor, enrollmentId: string) {
  const e = await tx.enrollment.findFirst({
    where: { id: enrollmentId, class: classesAdministered(actor) },
    select: { id: true, userId: true, role: true, endsOn: true, classId: true, class: { select: { schoolId: true } } },
  });
  if (!e) throw new NotFoundError("That enrollment");
  if (e.endsOn && e.endsOn < todayUtc()) throw new InputError("This enrollment has ended already.");
  return e;
}

/**
 * Ends one enrollment from today: its last day becomes yesterday, so current() stops
 * counting it today and a teacher's access to the student's plans ends with it.
 */
export async function endEnrollment(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { enrollmentId } = endEnrollmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const e = await findOpenEnrollment(tx, actor, enrollmentId);
    await tx.enrollment.update({ where: { id: e.id }, data: { endsOn: lastDayBeforeToday() } });
    await recordAudit(tx, {
      organizationId: e.class.schoolId,
      actorId: actor.id,
      action: "enrollment.end",
      entityType: "Enrollment",
      entityId: e.id,
      detail: { classId: e.classId, userId: e.userId, role: e.role },
    });
    return { id: e.id };
  });
}

/**
 * Moves a student to another class: ends this enrollment and enrolls them there from
 * today, in one transaction. The end is written first and the target checked after it, so
 * a refused target leaves nothing half done.
 */
export async function moveStudent(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { enrollmentId, toClassId } = moveStudentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const from = await findOpenEnrollment(tx, actor, enrollmentId);
    if (from.role !== "STUDENT") throw new InputError("Only students move between classes.");
    if (toClassId === from.classId) fieldError("toClassId", "They are in this class already: choose another.");
    await tx.enrollment.update({ where: { id: from.id }, data: { endsOn: lastDayBeforeToday() } });
    const to = await tx.class.findFirst({
      where: { AND: [classesAdministered(actor), { id: toClassId }] },
      select: { id: true, schoolId: true },
    });
    if (!to) fieldError("toClassId", "There is no such class at your school.");
    const made = await enrollIn(
      tx,
      actor,
      { classId: to.id, schoolId: to.schoolId },
      { userId: from.userId, role: "STUDENT", beginsOn: todayUtc() },
      "toClassId",
    );
    await recordAudit(tx, {
      organizationId: to.schoolId,
      actorId: actor.id,
      action: "enrollment.move",
      entityType: "Enrollment",
      entityId: made.id,
      detail: { userId: from.userId, fromClassId: from.classId, fromEnrollmentId: from.id, toClassId: to.id },
    });
    return { id: made.id };
  });
}

// One form both creates and edits each record: with the record's id it edits.
export async function saveCourse(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = courseFormSchema.parse(input);
  return data.courseId ? updateCourse(actor, data) : createCourse(actor, data);
}
export async function saveTerm(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = termFormSchema.parse(input);
  return data.termId ? updateTerm(actor, data) : createTerm(actor, data);
}
export async function saveClass(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = classFormSchema.parse(input);
  return data.classId ? updateClass(actor, data) : createClass(actor, data);
}

import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { makeSchool, person } from "@/test/fixtures";
import { activePlan, ratedEvidence } from "@/test/plans";
import { addGroupActivity, saveGroup } from "./commands";
import { groupsOfStudent, listGroups, suggestGroups } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
let std1: string;
let std2: string;
let farTeacher: Actor;
let plans: Record<"sam" | "cal" | "stan", { id: string; goalIds: string[] }>;

const rate = (student: Actor, teacher: Actor, plan: { id: string }, goalId: string, levelId: string) =>
  ratedEvidence(student, teacher, { planId: plan.id, goalId }, levelId);

const form = (overrides: Record<string, unknown> = {}) => ({
  classId: s.classA.id,
  name: "Ratios catch-up",
  note: "Bar models first.",
  meetsOn: "2026-12-01",
  standardIds: [std1],
  studentIds: [s.student.id],
  ...overrides,
});

beforeAll(async () => {
  s = await makeSchool();
  const make = (code: string) =>
    db.standard.create({
      data: { organizationId: s.district.id, code, subject: "MATH", description: `Standard ${code}` },
      select: { id: true },
    });
  std1 = (await make("G.RP.2")).id;
  std2 = (await make("G.SP.1")).id;
  plans = {
    sam: await activePlan(s.student, s.teacher, [[std1]]),
    cal: await activePlan(s.classmate, s.teacher, [[std1], [std2]]),
    stan: await activePlan(s.strangerStudent, s.otherTeacher, [[std1]]),
  };
  await rate(s.student, s.teacher, plans.sam, plans.sam.goalIds[0]!, s.levels.DEVELOPING);
  await rate(s.classmate, s.teacher, plans.cal, plans.cal.goalIds[0]!, s.levels.ADVANCED);
  await rate(s.classmate, s.teacher, plans.cal, plans.cal.goalIds[1]!, s.levels.PROFICIENT);
  farTeacher = await person(s.otherSchool, "TEACHER", "Fay Faraway");
});

const grouped = (r: Awaited<ReturnType<typeof suggestGroups>>) => r.suggestions.map((g) => [g.label, g.students.map((m) => m.name)]);

describe("suggested groups", () => {
  it("puts students at the same level on a standard together, lowest level first", async () => {
    expect(grouped(await suggestGroups(s.teacher, s.classA.id, [std1]))).toEqual([
      ["Developing", ["Sam Student"]],
      ["Advanced", ["Cal Classmate"]],
    ]);
    // No standard chosen: nothing to suggest.
    expect(grouped(await suggestGroups(s.teacher, s.classA.id, []))).toEqual([]);
  });

  it("lists apart, last, the students who do not work on the chosen standard", async () => {
    expect(grouped(await suggestGroups(s.teacher, s.classA.id, [std2]))).toEqual([
      ["Proficient", ["Cal Classmate"]],
      ["Not on their plans", ["Sam Student"]],
    ]);
  });

  it("goes by a student's lowest level on several standards, counting only those they work on", async () => {
    // Cal: Advanced and Proficient → Proficient. Sam does not work on the second: Developing.
    expect(grouped(await suggestGroups(s.teacher, s.classA.id, [std1, std2]))).toEqual([
      ["Developing", ["Sam Student"]],
      ["Proficient", ["Cal Classmate"]],
    ]);
  });

  it("is for the class's teachers only", async () => {
    for (const other of [s.otherTeacher, s.teacherB, farTeacher]) {
      await expect(suggestGroups(other, s.classA.id, [std1])).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(suggestGroups(s.admin, s.classA.id, [std1])).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("saving groups", () => {
  it("saves a group with its note and date, lists it for the class and on the member's page for their teachers", async () => {
    const { id } = await saveGroup(s.teacher, form());
    const [saved] = await listGroups(s.teacher, s.classA.id);
    expect(saved).toMatchObject({ id, name: "Ratios catch-up", note: "Bar models first.", members: [{ id: s.student.id }] });
    expect(saved?.meetsOn?.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect((await groupsOfStudent(s.teacher, s.student.id)).map((g) => g.id)).toContain(id);
    // A classmate in no group: nothing, for the same teacher.
    expect(await groupsOfStudent(s.teacher, s.classmate.id)).toEqual([]);
    // Not for a teacher of another class, the student, or the guardian.
    for (const other of [s.otherTeacher, s.teacherB, s.student, s.guardian, s.admin]) {
      expect(await groupsOfStudent(other, s.student.id)).toEqual([]);
    }
    expect(await listGroups(s.otherTeacher, s.classA.id)).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, select: { action: true, organizationId: true } });
    expect(audit).toEqual([{ action: "group.created", organizationId: s.school.id }]);
  });

  it("adjusts a saved group: name, members and standards are replaced", async () => {
    const { id } = await saveGroup(s.teacher, form({ name: "First" }));
    await saveGroup(
      s.teacher,
      form({ groupId: id, name: "Second", studentIds: [s.student.id, s.classmate.id], standardIds: [std1, std2] }),
    );
    const group = (await listGroups(s.teacher, s.classA.id)).find((g) => g.id === id);
    expect(group?.name).toBe("Second");
    expect(group?.members.map((m) => m.name)).toEqual(["Cal Classmate", "Sam Student"]);
    expect(group?.standards.map((st) => st.id).sort()).toEqual([std1, std2].sort());
    const actions = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["group.created", "group.updated"]);
  });

  it("refuses a student who is not in the class, and a standard from another district", async () => {
    await expect(saveGroup(s.teacher, form({ studentIds: [s.student.id, s.strangerStudent.id] }))).rejects.toBeInstanceOf(InputError);
    await expect(saveGroup(s.teacher, form({ studentIds: [s.otherStudent.id] }))).rejects.toBeInstanceOf(InputError);
    await expect(saveGroup(s.teacher, form({ standardIds: [s.foreignStandard.id] }))).rejects.toBeInstanceOf(InputError);
  });

  it("gives NotFound to a teacher of another class, school or district, and for a group of another class", async () => {
    for (const other of [s.otherTeacher, s.teacherB, farTeacher]) {
      await expect(saveGroup(other, form())).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(saveGroup(s.admin, form())).rejects.toBeInstanceOf(ForbiddenError);
    // Otto's own class, with Tess's group id: not his group.
    const { id } = await saveGroup(s.teacher, form());
    await expect(
      saveGroup(s.otherTeacher, form({ classId: s.classB.id, groupId: id, studentIds: [s.strangerStudent.id] })),
    ).rejects.toBeInstanceOf(NotFoundError);
    const before = await db.learningGroup.findUniqueOrThrow({ where: { id }, select: { name: true } });
    expect(before.name).toBe("Ratios catch-up");
  });
});

describe("a shared activity for a group", () => {
  const input = (groupId: string) => ({ groupId, description: "Bar-model warm-up at the back table", timing: "Tuesdays" });

  it("lands on each member's active plan, on a goal linked to the group's standard, and nowhere else", async () => {
    const { id } = await saveGroup(s.teacher, form({ name: "Tuesday table", studentIds: [s.student.id, s.classmate.id] }));
    const versionBefore = await db.plan.findUniqueOrThrow({ where: { id: plans.sam.id }, select: { version: true } });
    const result = await addGroupActivity(s.teacher, input(id));
    expect(result.added.map((m) => m.name)).toEqual(["Cal Classmate", "Sam Student"]);
    expect(result.skipped).toEqual([]);
    const activities = await db.activity.findMany({ where: { groupId: id }, select: { goalId: true, withWhom: true, timing: true } });
    expect(activities.map((a) => a.goalId).sort()).toEqual([plans.sam.goalIds[0], plans.cal.goalIds[0]].sort());
    expect(activities.every((a) => a.withWhom === "With your group “Tuesday table”" && a.timing === "Tuesdays")).toBe(true);
    // Stan (another class) got nothing.
    expect(await db.activity.count({ where: { goal: { planId: plans.stan.id }, description: input(id).description } })).toBe(0);
    // An edit like any other: the version moves on and a revision keeps the new content.
    const after = await db.plan.findUniqueOrThrow({ where: { id: plans.sam.id }, select: { version: true } });
    expect(after.version).toBe(versionBefore.version + 1);
    const revision = await db.planRevision.findFirstOrThrow({ where: { planId: plans.sam.id }, orderBy: { number: "desc" } });
    expect(JSON.stringify(revision.content)).toContain("Bar-model warm-up");
  });

  it("names the members who have no goal on the group's standards instead of guessing", async () => {
    const { id } = await saveGroup(s.teacher, form({ name: "Samples", standardIds: [std2], studentIds: [s.student.id, s.classmate.id] }));
    const result = await addGroupActivity(s.teacher, input(id));
    expect(result.added.map((m) => m.name)).toEqual(["Cal Classmate"]);
    expect(result.skipped.map((m) => m.name)).toEqual(["Sam Student"]);
    expect(await db.activity.count({ where: { groupId: id } })).toBe(1);
  });

  it("is for the group's class's teachers only", async () => {
    const { id } = await saveGroup(s.teacher, form());
    for (const other of [s.otherTeacher, s.teacherB, farTeacher]) {
      await expect(addGroupActivity(other, input(id))).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(addGroupActivity(s.student, input(id))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.activity.count({ where: { groupId: id } })).toBe(0);
  });

  it("counts each listed group's activities, as a fresh count does, on the class's list and the member's page", async () => {
    const [two, one, none] = [
      await saveGroup(s.teacher, form({ name: "Counted two", studentIds: [s.student.id, s.classmate.id] })),
      await saveGroup(s.teacher, form({ name: "Counted one", standardIds: [std2], studentIds: [s.student.id, s.classmate.id] })),
      await saveGroup(s.teacher, form({ name: "Counted none" })),
    ];
    await addGroupActivity(s.teacher, input(two.id));
    await addGroupActivity(s.teacher, input(one.id));
    const count = (groups: { id: string; activityCount: number }[]) => Object.fromEntries(groups.map((g) => [g.id, g.activityCount]));
    const listed = await listGroups(s.teacher, s.classA.id);
    expect(count(listed)).toMatchObject({ [two.id]: 2, [one.id]: 1, [none.id]: 0 });
    for (const g of listed) expect(g.activityCount).toBe(await db.activity.count({ where: { groupId: g.id } }));
    expect(count(await groupsOfStudent(s.teacher, s.classmate.id))).toMatchObject({ [two.id]: 2, [one.id]: 1 });
  });
});

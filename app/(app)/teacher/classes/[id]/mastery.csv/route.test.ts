// The grid's CSV through the real route handler: same access as the page, a file name, escaping.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));

const { GET } = await import("./route");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
  // A student whose name a spreadsheet would run as a formula, with a plan linking the class's standard.
  const evil = await person(s.school, "STUDENT", '=cmd, "x"');
  await db.enrollment.create({ data: { classId: s.classA.id, userId: evil.id, role: "STUDENT" } });
  await db.plan.create({
    data: {
      schoolId: s.school.id,
      studentId: evil.id,
      type: "PERSONALIZED",
      title: "Plan",
      startsOn: new Date("2026-09-01"),
      endsOn: new Date("2026-12-01"),
      goals: {
        create: {
          position: 0,
          subject: "ELA",
          title: "Goal",
          successCriteria: "",
          masteryDemonstration: "",
          standards: { create: { standardId: s.standard.id } },
        },
      },
    },
  });
  await db.class.update({ where: { id: s.classA.id }, data: { name: "7 ELA (A)" } });
});
beforeEach(() => {
  signedIn = null;
});

const get = (classId: string, query = "") =>
  GET(new Request(`http://localhost/teacher/classes/${classId}/mastery.csv${query}`), { params: Promise.resolve({ id: classId }) });

describe("mastery.csv", () => {
  it("is a CSV file for the class's teacher, escaped and formula-safe", async () => {
    signedIn = s.teacher;
    const response = await get(s.classA.id, "?subject=ALL");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="7-ela-a-mastery.csv"');
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe(`Student,${s.standard.code}`);
    expect(rows).toContain(`"'=cmd, ""x""",Not rated yet`);
  });

  it("is not found for a teacher of another class, forbidden for an admin, and asks to sign in otherwise", async () => {
    signedIn = s.otherTeacher;
    expect((await get(s.classA.id)).status).toBe(404);
    signedIn = s.teacherB;
    expect((await get(s.classA.id)).status).toBe(404);
    signedIn = s.admin;
    expect((await get(s.classA.id)).status).toBe(403);
    signedIn = null;
    expect((await get(s.classA.id)).status).toBe(401);
  });
});

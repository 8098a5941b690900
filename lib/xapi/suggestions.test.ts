// From statement to suggestion to the student's accepted record, and who is never matched.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideSuggestion } from "@/lib/records/commands";
import { actorOf, makeSchool } from "@/test/fixtures";
import { minutesOf, resultText, textOf } from "./suggestions";
import { ACTIVITY, makeTool, statement, xapi, type Credentials } from "@/test/xapi";

let s: Awaited<ReturnType<typeof makeSchool>>;
let tool: Credentials;
const COMPLETED = { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } };
const rosterId = `stu-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  s = await makeSchool();
  tool = await makeTool(s.school, "Reading app");
  await db.user.update({ where: { id: s.student.id }, data: { sourcedId: rosterId, source: "oneroster" } });
  await db.xapiActivityStandard.create({ data: { districtId: s.district.id, activityId: ACTIVITY, standardId: s.standard.id } });
});

const completedBy = (actor: object, extra: Record<string, unknown> = {}) =>
  statement({
    actor,
    verb: COMPLETED,
    object: {
      objectType: "Activity",
      id: ACTIVITY,
      definition: { name: { "fr-FR": "La lune", "en-GB": "Owl Moon" }, description: { "en-US": "A picture book about owling." } },
    },
    result: { score: { scaled: 0.85, raw: 17, max: 20 }, success: true, completion: true, duration: "PT44M30S" },
    timestamp: "2026-11-20T18:30:00-08:00",
    ...extra,
  });

describe("suggestions from statements", () => {
  it("turn a completion by a student (roster id) into a suggestion they accept", async () => {
    const [id] = (await xapi(tool, { body: completedBy({ account: { homePage: "https://reading.example", name: rosterId } }) }))
      .json as string[];
    const record = await db.learningRecord.findUniqueOrThrow({ where: { statementId: id }, include: { standards: true } });
    expect(record).toMatchObject({
      studentId: s.student.id,
      schoolId: s.school.id,
      status: "SUGGESTED",
      title: "Owl Moon",
      setting: "ONLINE",
      durationMinutes: 45,
      happenedOn: new Date("2026-11-20T00:00:00Z"),
    });
    expect(record.description).toContain("A picture book about owling.");
    expect(record.description).toContain("Score 85% (17 of 20). Passed. Completed.");
    expect(record.standards.map((l) => l.standardId)).toEqual([s.standard.id]);
    expect(await db.notification.count({ where: { userId: s.student.id, type: "RECORD_SUGGESTED", recordId: record.id } })).toBe(1);

    const student = await actorOf(s.student.id);
    expect(await decideSuggestion(student, { recordId: record.id, decision: "accept" })).toMatchObject({ status: "RECORDED" });
    // Voiding the statement later leaves an accepted record alone.
    await xapi(tool, {
      body: statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id } }),
    });
    expect((await db.learningRecord.findUniqueOrThrow({ where: { id: record.id } })).status).toBe("RECORDED");
  });

  it("match by mbox, any case, and dismiss the suggestion when its statement is voided", async () => {
    const student = await db.user.findUniqueOrThrow({ where: { id: s.classmate.id } });
    const [id] = (await xapi(tool, { body: completedBy({ mbox: `mailto:${student.email.toUpperCase()}` }) })).json as string[];
    const record = await db.learningRecord.findUniqueOrThrow({ where: { statementId: id } });
    expect(record).toMatchObject({ studentId: s.classmate.id, status: "SUGGESTED" });
    await xapi(tool, {
      body: statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id } }),
    });
    expect((await db.learningRecord.findUniqueOrThrow({ where: { id: record.id } })).status).toBe("DISMISSED");
  });

  it("suggest nothing for other verbs, other schools' or districts' students, strangers or groups", async () => {
    const [childB, otherStudent, classmate] = await Promise.all(
      [s.childB.id, s.otherStudent.id, s.classmate.id].map((id) => db.user.findUniqueOrThrow({ where: { id } })),
    );
    const r = await xapi(tool, {
      body: [
        completedBy({ mbox: `mailto:${classmate?.email}` }, { verb: { id: "http://adlnet.gov/expapi/verbs/experienced" } }),
        completedBy({ mbox: `mailto:${childB?.email}` }),
        completedBy({ mbox: `mailto:${otherStudent?.email}` }),
        completedBy({ mbox: "mailto:someone@else.example" }),
        completedBy({ account: { homePage: "https://reading.example", name: "not-a-roster-id" } }),
        completedBy({ objectType: "Group", mbox: `mailto:${classmate?.email}` }),
      ],
    });
    expect(r.status).toBe(200);
    expect(await db.learningRecord.count({ where: { statementId: { in: r.json as string[] } } })).toBe(0);
  });

  it("make one suggestion per statement in a batch, in a fixed number of queries", async () => {
    const batch = Array.from({ length: 50 }, () => completedBy({ account: { homePage: "https://reading.example", name: rosterId } }));
    const ids = (await xapi(tool, { body: batch })).json as string[];
    expect(await db.learningRecord.count({ where: { statementId: { in: ids }, status: "SUGGESTED" } })).toBe(50);
    expect(await db.learningRecordStandard.count({ where: { record: { statementId: { in: ids } } } })).toBe(50);
  });
});

describe("what a suggestion says", () => {
  it("picks English names, words the result and rounds the duration up", () => {
    expect(textOf({ "fr-FR": "Lune", "en-US": "Moon" })).toBe("Moon");
    expect(textOf({ "fr-FR": "Lune" })).toBe("Lune");
    expect(textOf(undefined)).toBeNull();
    expect(resultText({ success: false, duration: "PT1M" })).toBe("Not passed. Time: 1 minute.");
    expect(minutesOf("PT0S")).toBeNull();
    expect(minutesOf("P1DT1H")).toBe(1500);
    expect(minutesOf("P1000D")).toBe(100_000);
  });
});

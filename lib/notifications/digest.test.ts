// Digests: one email per person and period, through a real SMTP server; sent once however many
// workers run; a failed send is retried whole; never about a child the guardian is not linked to;
// each person's choice per kind decides what goes in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/conversation/comments";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { makeSchool, planInput } from "@/test/fixtures";
import { composeDigest, periodOf, sendDueDigests } from "./digest";
import { savePreferences } from "./preferences";
import { unsubscribe } from "./unsubscribe";

let s: Awaited<ReturnType<typeof makeSchool>>;
let capture: SmtpCapture;
const previous = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
let day = 0;
/** A moment after the sending hour of a day of its own, so each test has fresh periods. */
const nextRun = () => {
  day += 1;
  const d = new Date(Date.now() + day * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 20));
};
const mailTo = (email: string, from = 0) => capture.messages.slice(from).filter((m) => m.to.includes(email));

/** A plan of the student, submitted and approved: news for the family's digest (and a comment for the student's). */
async function approvedPlan(student = s.student, title = "River study") {
  const { id } = await createPlan(student, planInput({ title }));
  const move = async (actor: typeof s.student, transition: string) =>
    transitionPlan(actor, {
      planId: id,
      version: (await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } })).version,
      transition,
      note: "",
    });
  await move(student, "submit");
  await move(s.teacher, "startReview");
  await move(s.teacher, "approve");
  await addComment(s.teacher, { planId: id, body: "Lovely start" });
  return id;
}

beforeAll(async () => {
  capture = await startSmtpCapture();
  process.env.SMTP_URL = capture.url;
  process.env.APP_URL = "https://pathways.example.org";
  process.env.AUTH_SECRET ??= "digest-test-secret-at-least-16";
  s = await makeSchool();
});

afterAll(async () => {
  await capture.stop();
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("periods", () => {
  it("are UTC days, and weeks from Monday, sent from the digest hour", () => {
    const wednesday = new Date("2026-11-25T15:30:00Z");
    expect(periodOf("DAILY", wednesday, 13)).toEqual({
      start: new Date("2026-11-25T00:00:00Z"),
      sendFrom: new Date("2026-11-25T13:00:00Z"),
    });
    expect(periodOf("WEEKLY", wednesday, 13).start).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(periodOf("WEEKLY", new Date("2026-11-29T23:00:00Z"), 13).start).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(periodOf("WEEKLY", new Date("2026-11-30T01:00:00Z"), 13).start).toEqual(new Date("2026-11-30T00:00:00Z"));
  });
});

describe("a daily digest", () => {
  it("goes out once with two workers running, says what and about whom but not what it says, and marks what it carried", async () => {
    const planId = await approvedPlan();
    const now = nextRun();
    const from = capture.messages.length;
    await Promise.all([sendDueDigests({ now, districtId: s.district.id }), sendDueDigests({ now, districtId: s.district.id })]);
    const mail = mailTo(s.guardian.email, from);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toMatch(/^Your daily Pathways digest: \d+ updates?$/);
    expect(mail[0]?.text).toContain("Plans submitted, approved and otherwise changed: 1 (about Sam)");
    // The student's own digest carries the teacher's comment, about them.
    expect(mailTo(s.student.email, from)[0]?.text).toContain("Comments and replies: 1 (about you)");
    expect(mail[0]?.text).toContain("https://pathways.example.org/notifications");
    expect(mail[0]?.text).not.toContain("Lovely start");
    expect(mail[0]?.text).not.toContain("River study");
    const digests = await db.emailDigest.findMany({ where: { userId: s.guardian.id, frequency: "DAILY" } });
    expect(digests).toHaveLength(1);
    expect(digests[0]?.sentAt).not.toBeNull();
    const notes = await db.notification.findMany({ where: { userId: s.guardian.id, planId } });
    expect(notes.every((n) => n.digestedAt)).toBe(true);
    // The next run of the same period sends nothing more.
    await sendDueDigests({ now: new Date(now.getTime() + 3_600_000), districtId: s.district.id });
    expect(mailTo(s.guardian.email, from)).toHaveLength(1);
  });

  it("is retried whole after the mail server failed", async () => {
    await approvedPlan(s.student, "Second plan");
    const now = nextRun();
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    await expect(sendDueDigests({ now, districtId: s.district.id })).rejects.toThrow(/could not be sent/);
    expect(await db.emailDigest.count({ where: { userId: s.guardian.id, periodStart: periodOf("DAILY", now).start } })).toBe(0);
    process.env.SMTP_URL = capture.url;
    const from = capture.messages.length;
    await sendDueDigests({ now, districtId: s.district.id });
    expect(mailTo(s.guardian.email, from)).toHaveLength(1);
    expect(mailTo(s.guardian.email, from)[0]?.text).toContain("Plans submitted, approved and otherwise changed: 1");
  });

  it("never tells a guardian about a child they are not linked to", async () => {
    const { id: stranger } = await createPlan(s.strangerStudent, planInput({ title: "Not their child" }));
    await transitionPlan(s.strangerStudent, { planId: stranger, version: 1, transition: "submit", note: "" });
    const own = await approvedPlan(s.student, "Their child");
    // A stray row (a bad import, a link since removed) addressed to the wrong guardian.
    await db.notification.create({ data: { userId: s.guardian.id, type: "PLAN_STATUS_CHANGED", actorId: s.teacher.id, planId: stranger } });
    const from = capture.messages.length;
    await sendDueDigests({ now: nextRun(), districtId: s.district.id });
    const [mail] = mailTo(s.guardian.email, from);
    expect(mail?.text).toContain("Plans submitted, approved and otherwise changed: 1 (about Sam)");
    expect(mail?.text).not.toContain(s.strangerStudent.name.split(" ")[0]);
    expect(own).toBeTruthy();
  });

  it("follows each person's choice: weekly waits for the week, off sends nothing, immediate is not digested", async () => {
    await savePreferences(s.guardian, { deliveries: { PLAN_STATUS: "WEEKLY" } });
    const weekly = await approvedPlan(s.student, "Weekly news");
    // It came on a Wednesday, after that week's sending hour (Monday).
    await db.notification.updateMany({ where: { planId: weekly }, data: { createdAt: new Date("2031-01-08T10:00:00Z") } });
    const from = capture.messages.length;
    const wednesday = new Date("2031-01-08T20:00:00Z");
    await sendDueDigests({ now: wednesday, districtId: s.district.id });
    expect(mailTo(s.guardian.email, from)).toHaveLength(0);
    // It came after this week's sending hour (Monday): next week's digest carries it.
    await sendDueDigests({ now: new Date("2031-01-13T20:00:00Z"), districtId: s.district.id });
    expect(mailTo(s.guardian.email, from)[0]?.subject).toMatch(/^Your weekly Pathways digest/);

    await savePreferences(s.guardian, { deliveries: { PLAN_STATUS: "OFF" } });
    const planId = await approvedPlan(s.student, "Quiet news");
    const note = await db.notification.findFirstOrThrow({ where: { userId: s.guardian.id, planId, type: "PLAN_STATUS_CHANGED" } });
    expect([note.emailDueAt, note.digestedAt === null]).toEqual([null, false]);
    await savePreferences(s.guardian, { deliveries: { PLAN_STATUS: "DAILY" } });
  });
});

describe("a digest in its reader's language", () => {
  it("is in Spanish for a person who chose Spanish", () => {
    const lines = [
      { kind: "RATINGS" as const, count: 2, about: new Set(["you"]) },
      { kind: "COMMENTS" as const, count: 1, about: new Set<string>() },
    ];
    const mail = composeDigest({ ...s.student, locale: "es" }, "DAILY", lines);
    expect(mail.subject).toBe("Tu resumen diario de Pathways: 3 novedades");
    expect(mail.text).toContain("- Valoraciones de evidencias y registros de aprendizaje: 2 (sobre ti)");
    expect(mail.text).toContain("- Comentarios y respuestas: 1\n");
    expect(mail.text).toContain('Para dejar de recibir correos sobre "comentarios y respuestas", abre: ');
    const english = composeDigest({ ...s.student, locale: null }, "WEEKLY", lines.slice(0, 1));
    expect(english.subject).toBe("Your weekly Pathways digest: 2 updates");
    expect(english.text).toContain("- Ratings of evidence and learning records: 2 (about you)");
  });
});

describe("unsubscribing by the link in an email", () => {
  it("turns off that kind for that person only, and a tampered link changes nothing", async () => {
    const mail = composeDigest(s.student, "DAILY", [{ kind: "RATINGS", count: 2, about: new Set(["you"]) }]);
    const link = mail.text
      .split("\n")
      .find((l) => l.includes("/unsubscribe?"))
      ?.split(" open: ")[1];
    expect(link).toBeDefined();
    expect(mail.headers?.["List-Unsubscribe"]).toContain("/api/unsubscribe?");
    const params = Object.fromEntries(new URL(link ?? "").searchParams);
    expect(await unsubscribe({ ...params, u: s.classmate.id })).toBeNull();
    expect(await unsubscribe({ ...params, k: "COMMENTS" })).toBeNull();
    expect(await unsubscribe({ ...params, s: "x" })).toBeNull();
    expect(await db.notificationPreference.count({ where: { userId: { in: [s.student.id, s.classmate.id] }, kind: "RATINGS" } })).toBe(0);
    expect(await unsubscribe(params)).toMatchObject({ kind: { id: "RATINGS" } });
    expect(await unsubscribe(params)).toMatchObject({ kind: { id: "RATINGS" } });
    const rows = await db.notificationPreference.findMany({ where: { kind: "RATINGS", userId: { in: [s.student.id, s.classmate.id] } } });
    expect(rows.map((r) => [r.userId, r.delivery])).toEqual([[s.student.id, "OFF"]]);
  });
});

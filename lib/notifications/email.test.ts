// Notification emails: the notification row is the outbox. Each email goes out once, through a
// real SMTP server, only while its reader may still open what it is about; a failed send stays
// pending and goes out on the retry; the real queue (pg-boss) delivers on a kick.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAssignment, addAssignment } from "@/lib/agreements/work";
import { saveAgreement, sendForSignatures, signAgreement, startAgreement } from "@/lib/agreements/commands";
import { db } from "@/lib/db";
import { createPlan } from "@/lib/plans/commands";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { activeAgreement, completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, planInput } from "@/test/fixtures";
import { composeEmail, emailSelect, emailSoon, sendPendingEmails, startEmailWorker } from "./email";

vi.unmock("@/lib/jobs/boss");

let s: Awaited<ReturnType<typeof makeSchool>>;
let capture: SmtpCapture;
const previous = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };

/** Sends what is pending now, and reports what the server received. */
async function sweep() {
  const before = capture.messages.length;
  const result = await sendPendingEmails();
  return { ...result, mail: capture.messages.slice(before) };
}

/** A plan's agreement sent for signatures by its teacher. */
async function sentAgreement(student = s.student) {
  const { id: planId } = await createPlan(student, planInput({ type: "INDEPENDENT_STUDY", title: "Away for the spring" }));
  await startAgreement(s.teacher, { planId });
  const version = async () => (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).version;
  await saveAgreement(s.teacher, {
    planId,
    version: await version(),
    elements: completeAgreement(),
    supervisingTeacherId: s.teacher.id,
    assistants: [],
  });
  await sendForSignatures(s.teacher, { planId, version: await version() });
  return planId;
}

beforeAll(async () => {
  capture = await startSmtpCapture();
  process.env.SMTP_URL = capture.url;
  process.env.APP_URL = "https://pathways.example.org";
  process.env.AUTH_SECRET ??= "email-test-secret-at-least-16";
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student, s.classmate]);
});

beforeEach(async () => {
  // Another file's leftovers never count here: only this district's notifications are pending.
  await db.notification.updateMany({ where: { user: { districtId: { not: s.district.id } } }, data: { emailDueAt: null } });
});

afterAll(async () => {
  const { boss } = await import("@/lib/jobs/boss");
  await (await boss()).stop({ graceful: false, wait: true }).catch(() => undefined);
  await capture.stop();
  process.env.SMTP_URL = previous.SMTP_URL;
  process.env.APP_URL = previous.APP_URL;
});

describe("an agreement sent for signatures", () => {
  it("emails everyone asked to sign but the sender, once, with a link to the agreement and nothing of its content", async () => {
    const planId = await sentAgreement();
    const due = await db.notification.findMany({
      where: { planId, type: "AGREEMENT_TO_SIGN" },
      select: { userId: true, emailDueAt: true },
    });
    expect(due.map((n) => n.userId).sort()).toEqual([s.student.id, s.guardian.id].sort());
    expect(due.every((n) => n.emailDueAt)).toBe(true);

    const { sent, mail } = await sweep();
    expect(sent).toBe(2);
    const toGuardian = mail.find((m) => m.to.includes(s.guardian.email));
    const firstName = s.student.name.split(" ")[0];
    expect(toGuardian?.subject).toBe(`Please sign the independent study agreement for ${firstName}`);
    expect(toGuardian?.text).toContain(`https://pathways.example.org/plans/${planId}/agreement`);
    expect(toGuardian?.text).toContain(`${s.teacher.name} sent the independent study agreement for ${firstName} for signatures.`);
    // The plan's title and the agreement's words stay behind sign-in.
    expect(toGuardian?.text).not.toContain("Away for the spring");
    expect(toGuardian?.text).not.toContain("Online portal");
    expect(mail.find((m) => m.to.includes(s.student.email))?.subject).toBe("Please sign your independent study agreement");

    expect(await db.notification.count({ where: { planId, type: "AGREEMENT_TO_SIGN", emailedAt: null } })).toBe(0);
    expect((await sweep()).mail).toHaveLength(0);
  });

  it("never emails what the reader can no longer open, and marks it no longer due", async () => {
    await db.guardianLink.deleteMany({ where: { studentId: s.classmate.id } });
    const link = await db.guardianLink.create({
      data: { districtId: s.district.id, studentId: s.classmate.id, guardianId: s.guardian.id },
    });
    const planId = await sentAgreement(s.classmate);
    await db.guardianLink.delete({ where: { id: link.id } });
    const { mail, skipped } = await sweep();
    expect(mail.map((m) => m.to).flat()).not.toContain(s.guardian.email);
    expect(skipped).toBeGreaterThanOrEqual(1);
    const left = await db.notification.findFirstOrThrow({ where: { planId, userId: s.guardian.id, type: "AGREEMENT_TO_SIGN" } });
    expect(left).toMatchObject({ emailDueAt: null, emailedAt: null });
  });

  it("is not sent to someone who signed before the worker got to it", async () => {
    const planId = await sentAgreement();
    const { contentHash } = await db.agreementRevision.findFirstOrThrow({ where: { agreement: { planId } }, orderBy: { number: "desc" } });
    await signAgreement(s.guardian, { planId, contentHash, typedName: s.guardian.name, agree: true });
    const { mail } = await sweep();
    expect(mail.map((m) => m.to).flat()).not.toContain(s.guardian.email);
    expect(mail.map((m) => m.to).flat()).toContain(s.student.email);
  });

  it("keeps a failed send pending and sends it on the retry", async () => {
    const planId = await sentAgreement();
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(sendPendingEmails()).rejects.toThrow(/could not be sent/);
    quiet.mockRestore();
    expect(await db.notification.count({ where: { planId, type: "AGREEMENT_TO_SIGN", emailedAt: null, emailDueAt: { not: null } } })).toBe(
      2,
    );
    process.env.SMTP_URL = capture.url;
    expect((await sweep()).sent).toBe(2);
  });

  it("is emailed once when two workers sweep at the same time", async () => {
    const planId = await sentAgreement();
    const before = capture.messages.length;
    const results = await Promise.all([sendPendingEmails(), sendPendingEmails(), sendPendingEmails()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    await expect.poll(() => capture.messages.length).toBe(before + 2);
    expect(await db.notification.count({ where: { planId, emailedAt: { not: null } } })).toBe(2);
  });

  it("has no email for kinds that do not ask the reader to act", async () => {
    const n = await db.notification.create({ data: { userId: s.student.id, type: "AGREEMENT_ACTIVE" } });
    expect(n.emailDueAt).toBeNull();
    const row = await db.notification.findUniqueOrThrow({ where: { id: n.id }, select: emailSelect });
    expect(composeEmail(row)).toBeNull();
  });
});

describe("an evaluation due", () => {
  it("is emailed to the family the same day the missed work reaches the board's limit", async () => {
    const planId = await activeAgreement(s.student, s.guardian, s.teacher);
    await sweep();
    for (const title of ["One", "Two", "Three"]) {
      const { id } = await addAssignment(s.teacher, {
        planId,
        subject: "MATH",
        title,
        description: "",
        assignedOn: "2026-09-07",
        dueOn: "2026-09-18",
      });
      await recordAssignment(s.teacher, { planId, assignmentId: id, outcome: "MISSED", timeValueMinutes: null });
    }
    const { mail } = await sweep();
    const firstName = s.student.name.split(" ")[0];
    const toGuardian = mail.find((m) => m.to.includes(s.guardian.email));
    expect(toGuardian?.subject).toBe(`News about ${firstName}'s independent study`);
    // What happened stays behind sign-in.
    expect(toGuardian?.text).not.toMatch(/missed|evaluat/i);
    expect(toGuardian?.text).toContain(`/plans/${planId}/agreement`);
    expect(mail.find((m) => m.to.includes(s.student.email))?.subject).toBe("News about your independent study");
  });
});

describe("an email in its reader's language", () => {
  it("is in Spanish, subject and body, for a guardian who chose Spanish, and in English for one who chose nothing", async () => {
    await db.user.update({ where: { id: s.guardian.id }, data: { locale: "es" } });
    try {
      const planId = await sentAgreement();
      const { mail } = await sweep();
      const firstName = s.student.name.split(" ")[0];
      const toGuardian = mail.find((m) => m.to.includes(s.guardian.email));
      expect(toGuardian?.subject).toBe(`Firma el acuerdo de estudio independiente de ${firstName}`);
      expect(toGuardian?.text).toContain(`Hola, ${s.guardian.name}:`);
      expect(toGuardian?.text).toContain(`${s.teacher.name} envió el acuerdo de estudio independiente de ${firstName} para que se firme.`);
      expect(toGuardian?.text).toContain(`https://pathways.example.org/plans/${planId}/agreement`);
      expect(toGuardian?.text).toContain(
        'Para dejar de recibir correos sobre "un acuerdo de estudio independiente para firmar", abre: https://',
      );
      expect(toGuardian?.text).not.toMatch(/Please|Hello|You get this/);
      const toStudent = mail.find((m) => m.to.includes(s.student.email));
      expect(toStudent?.subject).toBe("Please sign your independent study agreement");
      expect(toStudent?.text).toContain(`Hello ${s.student.name},`);
    } finally {
      await db.user.update({ where: { id: s.guardian.id }, data: { locale: null } });
    }
  });
});

describe("the worker", () => {
  it("sends on a kick through the real queue", async () => {
    await startEmailWorker();
    const planId = await sentAgreement();
    emailSoon();
    const mail = await capture.waitFor((m) => m.to.includes(s.guardian.email) && m.text.includes(`/plans/${planId}/agreement`), 15_000);
    expect(mail.subject).toContain("Please sign");
    await expect
      .poll(() => db.notification.count({ where: { planId, emailedAt: null, emailDueAt: { not: null } } }), { timeout: 10_000 })
      .toBe(0);
  });
});

import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { getPlan } from "@/lib/plans/queries";
import { defaultLevels, makeSchool, planInput } from "@/test/fixtures";
import { addEvidence, rateEvidence } from "./commands";
import { MAX_FILE_BYTES } from "./files";
import { evidenceFile } from "./queries";
import { uploadDir } from "@/lib/env";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let goalIds: string[];

async function step(actor: typeof s.student, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

async function activePlan(student = s.student, teacher = s.teacher) {
  const goal = planInput().goals[0]!;
  const { id } = await createPlan(student, planInput({ goals: [goal, { ...goal, subject: "MATH", title: "Ratios" }] }));
  await step(student, id, "submit");
  await step(teacher, id, "approve");
  return id;
}

const text = (overrides: Record<string, unknown> = {}) => ({
  planId,
  goalId: goalIds[0],
  kind: "TEXT",
  title: "My essay draft",
  text: "Here is what I wrote.",
  url: "",
  reflection: "I learned to cite sources.",
  ...overrides,
});

/** A file whose bytes start as a PDF's do. */
const pdf = (size = 1000, name = "poster.pdf") => {
  const bytes = new Uint8Array(size).fill(37);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n").subarray(0, size));
  return new File([bytes], name, { type: "application/pdf" });
};

beforeAll(async () => {
  s = await makeSchool();
  planId = await activePlan();
  goalIds = (await getPlan(s.student, planId)).goals.map((g) => g.id);
});

describe("adding evidence", () => {
  it("adds text, a link and a file to a goal of the student's active plan", async () => {
    await addEvidence(s.student, text());
    await addEvidence(s.student, text({ kind: "LINK", title: "Slides", text: "", url: "https://example.org/slides" }));
    const file = await addEvidence(s.student, text({ kind: "FILE", title: "Poster", text: "", file: pdf() }));
    const plan = await getPlan(s.student, planId);
    expect(plan.goals[0]!.evidence.map((e) => e.kind).sort()).toEqual(["FILE", "LINK", "TEXT"]);
    const stored = await db.evidence.findUniqueOrThrow({ where: { id: file.id } });
    expect(stored).toMatchObject({ fileName: "poster.pdf", fileType: "application/pdf", fileSize: 1000 });
  });

  it("refuses evidence on a plan that is not active, or by anyone but the student", async () => {
    const { id } = await createPlan(s.student, planInput());
    const draftGoal = (await getPlan(s.student, id)).goals[0]!.id;
    await expect(addEvidence(s.student, text({ planId: id, goalId: draftGoal }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addEvidence(s.teacher, text())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addEvidence(s.guardian, text())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addEvidence(s.classmate, text())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a goal id that belongs to another plan", async () => {
    const other = await activePlan(s.classmate);
    const otherGoal = (await getPlan(s.classmate, other)).goals[0]!.id;
    await expect(addEvidence(s.student, text({ goalId: otherGoal }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.evidence.count({ where: { goals: { some: { goalId: otherGoal } } } })).toBe(0);
  });

  it("refuses an oversized or disallowed file with a clear message and stores nothing", async () => {
    const before = await db.evidence.count({ where: { planId } });
    const filesBefore = (await readdir(uploadDir()).catch(() => [])).length;
    const big = await addEvidence(s.student, text({ kind: "FILE", file: pdf(MAX_FILE_BYTES + 1) })).catch((e) => e);
    expect(big).toBeInstanceOf(z.ZodError);
    expect((big as z.ZodError).issues[0]!).toMatchObject({
      path: ["file"],
      message: expect.stringContaining("evidence.validation.fileTooBig|"),
    });
    const exe = await addEvidence(s.student, text({ kind: "FILE", file: pdf(100, "game.exe") })).catch((e) => e);
    expect((exe as z.ZodError).issues[0]!.message).toBe("evidence.validation.fileType");
    await expect(addEvidence(s.student, text({ kind: "LINK", url: "javascript:alert(1)" }))).rejects.toBeInstanceOf(z.ZodError);
    await expect(addEvidence(s.student, text({ title: "" }))).rejects.toBeInstanceOf(z.ZodError);
    expect(await db.evidence.count({ where: { planId } })).toBe(before);
    expect((await readdir(uploadDir()).catch(() => [])).length).toBe(filesBefore);
  });

  it("refuses a file whose content is not what its name says, and stores nothing", async () => {
    const before = await db.evidence.count({ where: { planId } });
    const filesBefore = (await readdir(uploadDir()).catch(() => [])).length;
    const page = new File(["<html><script>alert(1)</script></html>"], "poster.pdf", { type: "application/pdf" });
    const refused = await addEvidence(s.student, text({ kind: "FILE", file: page })).catch((e) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).fieldErrors).toEqual({ file: [expect.stringContaining("not a PDF, though its name ends in .pdf")] });
    // A program renamed as a picture is refused too.
    const program = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], "photo.png", { type: "image/png" });
    await expect(addEvidence(s.student, text({ kind: "FILE", file: program }))).rejects.toBeInstanceOf(InputError);
    expect(await db.evidence.count({ where: { planId } })).toBe(before);
    expect((await readdir(uploadDir()).catch(() => [])).length).toBe(filesBefore);
  });

  it("keeps a file's name without control or direction-changing characters", async () => {
    const { id } = await addEvidence(s.student, text({ kind: "FILE", title: "Tricky", file: pdf(200, "in\u0007voice\u202Egpj.pdf") }));
    expect((await db.evidence.findUniqueOrThrow({ where: { id } })).fileName).toBe("invoicegpj.pdf");
  });
});

describe("rating evidence", () => {
  it("a teacher of the student rates evidence; the goal and the plan show the result", async () => {
    const a = await addEvidence(s.student, text({ goalId: goalIds[1], title: "Ratio worksheet" }));
    await rateEvidence(s.teacher, { evidenceId: a.id, goalId: goalIds[1], levelId: s.levels.DEVELOPING, feedback: "Check step 2" });
    let plan = await getPlan(s.guardian, planId);
    expect(plan.goals[1]!.mastery?.level?.name).toBe("Developing");
    expect(plan.progress).toMatchObject({ mastered: 0, total: 2 });
    await rateEvidence(s.teacher, { evidenceId: a.id, goalId: goalIds[1], levelId: s.levels.PROFICIENT, feedback: "Now it's solid" });
    plan = await getPlan(s.guardian, planId);
    expect(plan.goals[1]!.mastery?.level?.name).toBe("Proficient");
    expect(plan.progress).toEqual({ mastered: 1, total: 2, percent: 50 });
    expect(plan.goals[1]!.evidence[0]!.ratings.map((r) => r.feedback)).toEqual(["Now it's solid", "Check step 2"]);
  });

  it("only the student's teachers rate, only against the goal the evidence belongs to, with feedback", async () => {
    const e = await addEvidence(s.student, text({ title: "To rate" }));
    const rating = { evidenceId: e.id, goalId: goalIds[0], levelId: s.levels.ADVANCED, feedback: "Wow" };
    await expect(rateEvidence(s.otherTeacher, rating)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rateEvidence(s.student, rating)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rateEvidence(s.guardian, rating)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rateEvidence(s.teacher, { ...rating, goalId: goalIds[1] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rateEvidence(s.teacher, { ...rating, feedback: " " })).rejects.toBeInstanceOf(z.ZodError);
    await expect(rateEvidence(s.teacher, { ...rating, levelId: "" })).rejects.toBeInstanceOf(z.ZodError);
    // A level of another district's scale is not one this school rates on.
    await expect(rateEvidence(s.teacher, { ...rating, levelId: defaultLevels(s.other.id).ADVANCED })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { levelId: ["Choose a level of your school's scale."] },
    });
    expect(await db.rating.count({ where: { evidenceId: e.id } })).toBe(0);
  });
});

describe("evidence files", () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = (await addEvidence(s.student, text({ kind: "FILE", title: "Private file", file: pdf(2048, "report card.pdf") }))).id;
  });

  it("are served to the student, their teacher, their guardian and the admin", async () => {
    for (const actor of [s.student, s.teacher, s.guardian, s.admin]) {
      const f = await evidenceFile(actor, fileId);
      expect(f.bytes.byteLength).toBe(2048);
      expect(f.headers["Content-Type"]).toBe("application/pdf");
      expect(f.headers["X-Content-Type-Options"]).toBe("nosniff");
    }
  });

  it("are not found for anyone else", async () => {
    for (const actor of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin, s.otherStudent]) {
      await expect(evidenceFile(actor, fileId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

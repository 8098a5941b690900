// The PDF is checked as a reader would see it: its text has every element and signature, and
// its pages render to images with ink on them (pdf.js draws them, as a browser would).
import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { completeAgreement } from "@/test/agreements";
import { ELEMENT_LABEL, ELEMENTS, OPTIONAL_STATEMENT } from "./elements";
import { agreementPdf } from "./pdf";
import type { AgreementRevisionContent } from "./revision";

const hash = "a".repeat(64);
const content: AgreementRevisionContent = {
  header: {
    student: { id: "s1", name: "Nguyễn Thị Lan", gradeLevel: 7 },
    school: { id: "o1", name: "Northbrook Community School" },
    program: "Independent study",
    plan: { id: "p1", title: "Learning while travelling" },
  },
  elements: { ...completeAgreement(), supports: "English learner support, counselling, and a foster youth liaison." },
  optionalStatement: OPTIONAL_STATEMENT,
  policy: { maxDaysToDue: { "7": 10 }, missedAssignmentsLimit: 3, satisfactoryProgress: "80% of work on time.", requiredSubjects: ["ELA"] },
  signingRule: { kind: "long", schoolDays: 200, text: "Everyone must sign before it starts.", deadline: "2026-08-17" },
  signers: [
    { role: "STUDENT", label: "Student", anyOf: [{ id: "s1", name: "Nguyễn Thị Lan" }] },
    { role: "GUARDIAN", label: "Parent or guardian", anyOf: [{ id: "g1", name: "Zoë Ólafsdóttir" }] },
    { role: "TEACHER", label: "Supervising teacher", anyOf: [{ id: "t1", name: "Linh Nguyen" }] },
  ],
};

async function read(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent();
    pages.push({ page, text: text.items.map((i) => ("str" in i ? i.str : "")).join(" ") });
  }
  return {
    doc,
    pages,
    text: pages
      .map((p) => p.text)
      .join(" ")
      .replace(/\s+/g, " "),
  };
}

describe("the agreement PDF", () => {
  it("has the student, school, program, every element and each signature with its time and hash", async () => {
    const signedAt = new Date("2026-08-10T17:30:00Z");
    const bytes = await agreementPdf(content, { number: 2, contentHash: hash, createdAt: new Date("2026-08-09") }, [
      { signerId: "s1", role: "STUDENT", typedName: "Nguyễn Thị Lan", signedAt, contentHash: hash },
      { signerId: "g1", role: "GUARDIAN", typedName: "Zoë Ólafsdóttir", signedAt, contentHash: hash },
    ]);
    const { text } = await read(bytes);
    for (const element of ELEMENTS) expect(text).toContain(ELEMENT_LABEL[element]);
    for (const words of [
      "Nguyễn Thị Lan",
      "grade 7",
      "Northbrook Community School",
      "Independent study",
      OPTIONAL_STATEMENT,
      "80% of work on time.",
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`Signed “Zoë Ólafsdóttir”, I agree, on 2026-08-10 17:30 UTC, to version 2 (SHA-256 ${hash})`);
    expect(text).toMatch(/Supervising teacher: Linh Nguyen Not signed\./);
  });

  it("prints in the reader's language, with what people wrote as written", async () => {
    const signedAt = new Date("2026-08-10T17:30:00Z");
    const bytes = await agreementPdf(
      content,
      { number: 2, contentHash: hash, createdAt: new Date("2026-08-09") },
      [{ signerId: "g1", role: "GUARDIAN", typedName: "Zoë Ólafsdóttir", signedAt, contentHash: hash }],
      "es",
    );
    const { text } = await read(bytes);
    for (const words of [
      "Acuerdo de estudio independiente",
      "1. Entrega del trabajo, informes de progreso y comunicación con la familia",
      "7. El estudio independiente es opcional",
      "Nguyễn Thị Lan, grado 7",
      "enviada el 9 ago 2026",
      "antes de que empiece el 17 ago 2026",
      "80% of work on time.",
      `Firmó “Zoë Ólafsdóttir”, acepto, el 2026-08-10 17:30 UTC, la versión 2 (SHA-256 ${hash})`,
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Docente supervisor: Linh Nguyen Sin firmar\./);
    expect(text).not.toContain(OPTIONAL_STATEMENT);
    expect(text).not.toContain("Everyone must sign before it starts.");
  });

  it("renders every page to an image with text drawn on it", async () => {
    const bytes = await agreementPdf(content, { number: 1, contentHash: hash, createdAt: new Date() }, []);
    const { doc, pages } = await read(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const { page } of pages) {
      const viewport = page.getViewport({ scale: 1 });
      // pdf.js draws on @napi-rs/canvas in Node; its typings leave the factory untyped.
      const factory = doc.canvasFactory as {
        create(w: number, h: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D };
      };
      const { canvas, context } = factory.create(viewport.width, viewport.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      const { data } = context.getImageData(0, 0, viewport.width, viewport.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) ink++;
      // Text on the page, and far from a page that is all ink.
      expect(ink).toBeGreaterThan(500);
      expect(ink).toBeLessThan((viewport.width * viewport.height) / 4);
    }
  });
});

// The agreement as a PDF: what was signed (an AgreementRevision) with its signatures, laid out
// for printing and filing. pdf-lib writes it on the server; DejaVu Sans is embedded so every
// name prints as written (Nguyễn, Ólafsdóttir, Зоя), which the PDF standard fonts cannot do.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDay } from "@/lib/dates";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { ARRANGEMENTS, ELEMENT_LABEL, RESOURCE_KINDS } from "./elements";
import type { AgreementRevisionContent } from "./revision";
import { SIGNER_ROLE_LABEL, signingStatus, type Signed } from "./signers";

export type PdfSignature = Signed & { contentHash: string };
export type PdfRevision = { number: number; contentHash: string; createdAt: Date };

const RESOURCE_LABEL: Record<(typeof RESOURCE_KINDS)[number], string> = { MATERIAL: "Material", RESOURCE: "Resource", PERSON: "Person" };
const PAGE = { width: 612, height: 792, margin: 54 } as const;

// Read from the installed package at run time (the app runs from the project folder), not bundled.
const fontFile = (name: string) => path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", name);

/** Lays text out top to bottom, wrapping lines and starting new pages as needed. */
class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private doc: PDFDocument,
    private regular: PDFFont,
    private bold: PDFFont,
    private footer: string,
  ) {
    this.page = this.newPage();
    this.y = PAGE.height - PAGE.margin;
  }
  private newPage() {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    page.drawText(this.footer, { x: PAGE.margin, y: 28, size: 7, font: this.regular, color: rgb(0.35, 0.35, 0.35) });
    return page;
  }
  private room(height: number) {
    if (this.y - height < PAGE.margin) {
      this.page = this.newPage();
      this.y = PAGE.height - PAGE.margin;
    }
  }
  private lines(text: string, font: PDFFont, size: number, width: number) {
    const out: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }
  text(text: string, { size = 10, bold = false, indent = 0, gap = 4 } = {}) {
    const font = bold ? this.bold : this.regular;
    for (const line of this.lines(text, font, size, PAGE.width - 2 * PAGE.margin - indent)) {
      this.room(size + 3);
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      this.y -= size + 3;
    }
    this.y -= gap;
  }
  field(label: string, value: string) {
    this.text(label, { size: 9, bold: true, indent: 12, gap: 0 });
    this.text(value || "—", { indent: 12, gap: 6 });
  }
  heading(text: string) {
    this.room(40);
    this.y -= 8;
    this.text(text, { size: 12, bold: true, gap: 6 });
  }
}

/** The PDF of one sent version of an agreement, with the signatures given to exactly that version. */
export async function agreementPdf(content: AgreementRevisionContent, revision: PdfRevision, signatures: readonly PdfSignature[]) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    readFile(fontFile("DejaVuSans.ttf")).then((b) => doc.embedFont(b, { subset: true })),
    readFile(fontFile("DejaVuSans-Bold.ttf")).then((b) => doc.embedFont(b, { subset: true })),
  ]);
  const { header, elements: e, policy } = content;
  doc.setTitle(`Independent study agreement — ${header.student.name}`);
  doc.setSubject(`Version ${revision.number}, SHA-256 ${revision.contentHash}`);
  doc.setProducer("Pathways");
  const w = new Writer(doc, regular, bold, `Version ${revision.number} · SHA-256 ${revision.contentHash}`);

  w.text("Independent study agreement", { size: 18, bold: true, gap: 8 });
  w.field("Student", `${header.student.name}, grade ${header.student.gradeLevel === 0 ? "K" : header.student.gradeLevel}`);
  w.field("School", header.school.name);
  w.field("Program", `${header.program} — plan “${header.plan.title}”`);
  w.field("Version", `${revision.number}, sent ${formatDay(revision.createdAt)}; SHA-256 ${revision.contentHash}`);

  w.heading(ELEMENT_LABEL.communication);
  for (const [key, label] of Object.entries(ARRANGEMENTS) as [keyof typeof ARRANGEMENTS, string][]) {
    const a = e[key];
    w.field(label, `Manner: ${a.manner}. Time: ${a.time}. Frequency: ${a.frequency}. Place: ${a.place}.`);
  }
  w.heading(ELEMENT_LABEL.study);
  for (const s of e.subjects) {
    w.field(
      SUBJECT_LABEL[s.subject],
      `Objectives: ${s.objectives}\nMethods of study: ${s.methodsOfStudy}\nEvaluated by: ${s.evaluationMethods}`,
    );
  }
  w.heading(ELEMENT_LABEL.resources);
  for (const r of e.resources) w.text(`${RESOURCE_LABEL[r.kind]}: ${r.description}`, { indent: 12 });
  w.text(
    `Device: ${e.deviceConfirmed ? "confirmed" : "not confirmed"}. Connectivity: ${e.connectivityConfirmed ? "confirmed" : "not confirmed"}.`,
    {
      indent: 12,
    },
  );
  w.heading(ELEMENT_LABEL.policy);
  const days = Object.entries(policy.maxDaysToDue)
    .map(([grade, n]) => `grade ${grade}: ${n}`)
    .join("; ");
  w.field("Longest time from assigning work to its due date (school days)", days);
  w.field("Missed assignments before an evaluation", String(policy.missedAssignmentsLimit));
  w.field("Satisfactory progress", policy.satisfactoryProgress);
  w.heading(ELEMENT_LABEL.duration);
  w.text(`${formatDay(e.startsOn)} to ${formatDay(e.endsOn)}. ${content.signingRule.text}`, { indent: 12 });
  w.heading(ELEMENT_LABEL.credits);
  for (const s of e.subjects) {
    w.text(
      `${SUBJECT_LABEL[s.subject]}: ${s.credits !== null ? `${s.credits} credits` : ""}${s.credits !== null && s.measure ? "; " : ""}${s.measure}`,
      { indent: 12 },
    );
  }
  w.heading(ELEMENT_LABEL.optional);
  w.text(content.optionalStatement, { indent: 12 });
  w.heading(ELEMENT_LABEL.supports);
  w.text(e.supports, { indent: 12 });
  w.heading(ELEMENT_LABEL.signatures);
  for (const { entry, signature } of signingStatus(content.signers, signatures).rows) {
    const who = entry.anyOf.map((p) => p.name).join(" or ") || "—";
    const signed = signature as PdfSignature | null;
    w.field(
      `${entry.role === "ASSISTANT" ? `Assisting (${entry.label})` : SIGNER_ROLE_LABEL[entry.role]}: ${who}`,
      signed
        ? `Signed “${signed.typedName}”, I agree, on ${signed.signedAt.toISOString().replace("T", " ").slice(0, 16)} UTC, to version ${revision.number} (SHA-256 ${signed.contentHash}).`
        : "Not signed.",
    );
  }
  return doc.save();
}

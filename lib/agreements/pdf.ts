// The agreement as a PDF: what was signed (an AgreementRevision) with its signatures, laid out
// for printing and filing. pdf-lib writes it on the server; DejaVu Sans is embedded so every
// name prints as written (Nguyễn, Ólafsdóttir, Зоя), which the PDF standard fonts cannot do.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
// From next-intl's core (use-intl): "next-intl" itself pulls in React client code, which scripts such as
// `npm run digests` (run with the react-server condition) cannot load.
import { createTranslator } from "use-intl/core";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDay } from "@/lib/dates";
import { messagesFor } from "@/lib/i18n/catalogues";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { ARRANGEMENTS, ELEMENTS } from "./elements";
import { LONG_AGREEMENT_SCHOOL_DAYS, SHORT_AGREEMENT_SIGNING_DAYS } from "./school-days";
import type { AgreementRevisionContent } from "./revision";
import { signingStatus, type Signed } from "./signers";

export type PdfSignature = Signed & { contentHash: string };
export type PdfRevision = { number: number; contentHash: string; createdAt: Date };

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

/**
 * The PDF of one sent version of an agreement, with the signatures given to exactly that version,
 * in the reader's language (what people wrote stays as written; English is the version as sent).
 */
export async function agreementPdf(
  content: AgreementRevisionContent,
  revision: PdfRevision,
  signatures: readonly PdfSignature[],
  locale: Locale = DEFAULT_LOCALE,
) {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "agreements" });
  const day = (d: Date | string) => formatDay(d, locale);
  const element = Object.fromEntries(ELEMENTS.map((key) => [key, t(`element.${key}`)])) as Record<(typeof ELEMENTS)[number], string>;
  const english = locale === DEFAULT_LOCALE;
  const rule = content.signingRule;
  const ruleText = english
    ? rule.text
    : rule.kind === "long"
      ? t("rule.long", { days: rule.schoolDays, date: rule.deadline ? day(rule.deadline) : "—" })
      : rule.deadline
        ? t("rule.shortBy", {
            days: rule.schoolDays,
            long: LONG_AGREEMENT_SCHOOL_DAYS,
            within: SHORT_AGREEMENT_SIGNING_DAYS,
            date: day(rule.deadline),
          })
        : t("rule.short", { days: rule.schoolDays, long: LONG_AGREEMENT_SCHOOL_DAYS, within: SHORT_AGREEMENT_SIGNING_DAYS });
  const confirmed = (yes: boolean) => (yes ? t("document.confirmed") : t("document.notConfirmed"));
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    readFile(fontFile("DejaVuSans.ttf")).then((b) => doc.embedFont(b, { subset: true })),
    readFile(fontFile("DejaVuSans-Bold.ttf")).then((b) => doc.embedFont(b, { subset: true })),
  ]);
  const { header, elements: e, policy } = content;
  const hash = revision.contentHash;
  doc.setTitle(t("pdf.docTitle", { name: header.student.name }));
  doc.setSubject(t("pdf.docSubject", { number: revision.number, hash }));
  doc.setLanguage(english ? "en-US" : locale);
  doc.setProducer("Pathways");
  const w = new Writer(doc, regular, bold, t("pdf.footer", { number: revision.number, hash }));

  w.text(t("title"), { size: 18, bold: true, gap: 8 });
  const grade = header.student.gradeLevel === 0 ? "K" : String(header.student.gradeLevel);
  w.field(t("document.student"), t("pdf.student", { name: header.student.name, grade }));
  w.field(t("document.school"), header.school.name);
  w.field(t("document.program"), t("pdf.program", { program: header.program, title: header.plan.title }));
  w.field(t("document.version"), t("pdf.version", { number: revision.number, date: day(revision.createdAt), hash }));

  w.heading(element.communication);
  for (const key of Object.keys(ARRANGEMENTS) as (keyof typeof ARRANGEMENTS)[]) {
    const a = e[key];
    w.field(t(`arrangement.${key}`), t("pdf.arrangement", { manner: a.manner, time: a.time, frequency: a.frequency, place: a.place }));
  }
  w.heading(element.study);
  for (const s of e.subjects) {
    w.field(
      t(`subject.${s.subject}`),
      t("pdf.subject", { objectives: s.objectives, methods: s.methodsOfStudy, evaluation: s.evaluationMethods }),
    );
  }
  w.heading(element.resources);
  for (const r of e.resources) w.text(`${t(`resourceKind.${r.kind}`)}: ${r.description}`, { indent: 12 });
  w.text(t("pdf.device", { device: confirmed(e.deviceConfirmed), connectivity: confirmed(e.connectivityConfirmed) }), { indent: 12 });
  w.heading(element.policy);
  const days = Object.entries(policy.maxDaysToDue)
    .map(([grade, n]) => t("pdf.gradeDays", { grade, days: String(n) }))
    .join("; ");
  w.field(t("pdf.longestDays"), days);
  w.field(t("policy.missed"), String(policy.missedAssignmentsLimit));
  w.field(t("policy.satisfactory"), policy.satisfactoryProgress);
  w.heading(element.duration);
  w.text(t("pdf.duration", { from: day(e.startsOn), to: day(e.endsOn), rule: ruleText }), { indent: 12 });
  w.heading(element.credits);
  for (const s of e.subjects) {
    const credits = s.credits !== null ? t("pdf.credits", { count: s.credits }) : "";
    w.text(`${t(`subject.${s.subject}`)}: ${credits}${s.credits !== null && s.measure ? "; " : ""}${s.measure}`, { indent: 12 });
  }
  w.heading(element.optional);
  w.text(english ? content.optionalStatement : t("optionalStatement"), { indent: 12 });
  w.heading(element.supports);
  w.text(e.supports, { indent: 12 });
  w.heading(element.signatures);
  for (const { entry, signature } of signingStatus(content.signers, signatures).rows) {
    const who = entry.anyOf.map((p) => p.name).join(t("table.or")) || "—";
    const signed = signature as PdfSignature | null;
    w.field(
      `${entry.role === "ASSISTANT" ? t("pdf.assisting", { label: entry.label }) : t(`signer.${entry.role}`)}: ${who}`,
      signed
        ? t("pdf.signed", {
            typedName: signed.typedName,
            time: signed.signedAt.toISOString().replace("T", " ").slice(0, 16),
            number: revision.number,
            hash: signed.contentHash,
          })
        : t("pdf.notSigned"),
    );
  }
  return doc.save();
}

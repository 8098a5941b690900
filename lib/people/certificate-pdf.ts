// A deletion certificate as a PDF, to file or to send to the family. pdf-lib writes it with the
// DejaVu Sans the agreement PDF embeds (lib/agreements/pdf.ts), so every name prints as written.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import { formatTime } from "@/lib/dates";
import { REASON_LABEL, removedLines, WHAT_STAYS } from "./certificate-words";

export type CertificateContent = {
  id: string;
  subjectRef: string;
  subjectName: string;
  subjectSourcedId: string | null;
  reason: string;
  removed: unknown;
  deletedByName: string;
  createdAt: Date;
};

const PAGE = { width: 612, height: 792, margin: 54 } as const;
const fontFile = (name: string) => path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", name);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  out.push(line);
  return out;
}

export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    readFile(fontFile("DejaVuSans.ttf")).then((b) => doc.embedFont(b, { subset: true })),
    readFile(fontFile("DejaVuSans-Bold.ttf")).then((b) => doc.embedFont(b, { subset: true })),
  ]);
  doc.setTitle(`Deletion certificate — ${c.subjectName}`);
  doc.setSubject(`Certificate ${c.id}`);
  doc.setProducer("Pathways");
  const footer = `Deletion certificate ${c.id}`;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const newPage = () => {
    page.drawText(footer, { x: PAGE.margin, y: 28, size: 7, font: regular, color: rgb(0.35, 0.35, 0.35) });
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.margin;
  };
  const text = (value: string, { size = 10, isBold = false, indent = 0, gap = 4 } = {}) => {
    const font = isBold ? bold : regular;
    for (const line of wrap(value, font, size, PAGE.width - 2 * PAGE.margin - indent)) {
      if (y - size - 3 < PAGE.margin) newPage();
      page.drawText(line, { x: PAGE.margin + indent, y: y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 3;
    }
    y -= gap;
  };
  const field = (label: string, value: string) => {
    text(label, { size: 9, isBold: true, gap: 0 });
    text(value || "—", { gap: 8 });
  };

  text("Deletion certificate", { size: 18, isBold: true, gap: 12 });
  field("Person deleted", c.subjectName);
  field("Roster id", c.subjectSourcedId ?? "");
  field("Reference number (their former account id)", c.subjectRef);
  field("Why", REASON_LABEL[c.reason] ?? c.reason);
  field("When", `${formatTime(c.createdAt)} (${c.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC)`);
  field("Deleted by", c.deletedByName);
  text("What was removed", { size: 12, isBold: true, gap: 6 });
  const lines = removedLines(c.removed);
  for (const line of lines.length ? lines : ["Their account only: no other records were held."]) text(`• ${line}`, { indent: 12, gap: 2 });
  y -= 8;
  text("What stays", { size: 12, isBold: true, gap: 6 });
  text(WHAT_STAYS);
  page.drawText(footer, { x: PAGE.margin, y: 28, size: 7, font: regular, color: rgb(0.35, 0.35, 0.35) });
  return doc.save();
}

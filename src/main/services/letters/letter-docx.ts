import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { LetterContent } from '@shared/domain/documents';
import { formatLongDate } from '../../pdf/format';

/** List items ('• …', '1. …') hang under their marker, as in the PDF letter. */
const LIST_ITEM = /^(•|\d+\.)\s+/;
const FONT = 'Calibri';
const MUTED = '666666';

function text(value: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  // docx sizes are half-points.
  return new TextRun({
    text: value,
    font: FONT,
    bold: options.bold ?? false,
    size: (options.size ?? 11) * 2,
    ...(options.color ? { color: options.color } : {}),
  });
}

function line(value: string, options: { bold?: boolean; size?: number; color?: string; after?: number } = {}): Paragraph {
  return new Paragraph({ children: [text(value, options)], spacing: { after: options.after ?? 0 } });
}

/**
 * The same letter as renderLetterPdf, as an editable Word document: letterhead, date, recipient,
 * 'Re:' line, body (list items with a hanging indent), closing, signature and copies, with
 * 'Page n of m' in the footer. Advocates often send letters on a firm's own template, so DOCX
 * keeps the text editable where the PDF is the record.
 */
export async function renderLetterDocx(letter: LetterContent): Promise<Uint8Array> {
  const letterhead = [letter.from.organization, ...(letter.from.address ?? []), [letter.from.email, letter.from.phone].filter(Boolean).join(' · ')].filter(
    (value): value is string => Boolean(value),
  );
  const recipient = [letter.to.name, letter.to.title, letter.to.district, ...(letter.to.address ?? [])].filter((value): value is string => Boolean(value));
  const body = letter.paragraphs.map((paragraph) => {
    const marker = LIST_ITEM.exec(paragraph);
    if (!marker) return line(paragraph, { after: 160 });
    return new Paragraph({
      children: [text(`${marker[1]}\t${paragraph.slice(marker[0].length)}`)],
      indent: { left: 560, hanging: 320 },
      spacing: { after: 80 },
    });
  });
  const doc = new Document({
    creator: 'Advocate Desk',
    title: letter.subject,
    description: letter.subject,
    sections: [
      {
        properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1080, bottom: 1080, left: 1260, right: 1260 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], font: FONT, size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children: [
          line(letter.from.name, { bold: true, size: 14 }),
          ...letterhead.map((value) => line(value, { size: 9, color: MUTED })),
          new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C7C7CC', space: 1 } }, spacing: { after: 240 } }),
          line(formatLongDate(letter.date), { after: 240 }),
          ...recipient.map((value) => line(value)),
          line('', { after: 120 }),
          line(`Re: ${letter.subject}`, { bold: true, after: 200 }),
          line(letter.salutation ?? `Dear ${letter.to.name}:`, { after: 160 }),
          ...body,
          line('', { after: 80 }),
          line(letter.closing, { after: 720 }),
          line(letter.from.name),
          ...(letter.from.organization ? [line(letter.from.organization)] : []),
          ...(letter.cc.length > 0 ? [line('', { after: 200 }), line(`cc: ${letter.cc.join('; ')}`, { size: 9, color: MUTED })] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import { isoDateSchema } from './binder-model';
import { embedFonts, textWidth } from './fonts';
import { formatLongDate } from './format';
import { drawString, FlowWriter, LETTER_SIZE, MUTED, wrapText } from './pdf-text';

const line = z.string().trim().max(300);

export const letterPdfInputSchema = z.object({
  from: z.object({
    name: line.min(1),
    organization: line.optional(),
    address: z.array(line).optional(),
    email: line.optional(),
    phone: line.optional(),
  }),
  to: z.object({
    name: line.min(1),
    title: line.optional(),
    district: line.optional(),
    address: z.array(line).optional(),
  }),
  date: isoDateSchema,
  subject: line.min(1),
  /** Defaults to 'Dear <recipient>:'. */
  salutation: line.optional(),
  paragraphs: z.array(z.string().max(10_000)).min(1),
  closing: line.default('Sincerely,'),
  cc: z.array(line).optional(),
});

export type LetterPdfInput = z.input<typeof letterPdfInputSchema>;

/** List items ('• …', '1. …') hang under their marker so wrapped lines align with the text. */
const LIST_ITEM = /^(•|\d+\.)\s/;

/**
 * Renders a letter as a PDF: letterhead, date, recipient block, 'Re:' line, body, signature block
 * and cc list, with 'Page n of m' on every page. Text is edited before this point; this only lays
 * it out, in an embedded font so names in any Latin, Greek or Cyrillic script print correctly.
 */
export async function renderLetterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const parsed = letterPdfInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    throw new AppError('VALIDATION', 'The letter is missing information.', fields);
  }
  const letter = parsed.data;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const writer = new FlowWriter(fonts, () => doc.addPage(LETTER_SIZE));

  writer.newPage();
  writer.line(letter.from.name, { size: 14, font: 'bold' });
  const letterhead = [letter.from.organization, ...(letter.from.address ?? []), [letter.from.email, letter.from.phone].filter(Boolean).join(' · ')].filter(
    (value): value is string => Boolean(value),
  );
  for (const value of letterhead) writer.line(value, { size: 9, color: MUTED });
  writer.gap(4);
  writer.rule();
  writer.gap(10);

  writer.paragraph(formatLongDate(letter.date), { size: 11, gapAfter: 14 });
  const recipient = [letter.to.name, letter.to.title, letter.to.district, ...(letter.to.address ?? [])];
  for (const value of recipient) if (value) writer.line(value, { size: 11 });
  writer.gap(14);
  writer.paragraph(`Re: ${letter.subject}`, { size: 11, font: 'bold', gapAfter: 12 });
  writer.paragraph(letter.salutation ?? `Dear ${letter.to.name}:`, { size: 11, gapAfter: 8 });

  // The closing and signature never stand alone on a page: the last paragraph goes with them.
  const signatureHeight = 10 + 11 * 1.3 + 36 + 11 * 1.3 * (letter.from.organization ? 2 : 1);
  const lastIndex = letter.paragraphs.length - 1;
  let isAfterList = false;
  for (const [index, paragraph] of letter.paragraphs.entries()) {
    const isListItem = LIST_ITEM.test(paragraph);
    if (index === lastIndex) {
      const indent = isListItem ? 28 : 0;
      const lines = wrapText(isListItem ? paragraph.replace(/^\S+\s+/, '') : paragraph, fonts.regular, 11, writer.contentWidth - indent).length;
      writer.ensureSpace(lines * 11 * 1.3 + 8 + signatureHeight);
    }
    if (!isListItem) {
      if (isAfterList) writer.gap(4);
      writer.paragraph(paragraph, { size: 11, gapAfter: 8 });
      isAfterList = false;
      continue;
    }
    isAfterList = true;
    // Hanging indent: marker at 12 pt, text (and its wrapped lines) at 28 pt.
    const [marker = '', ...rest] = paragraph.split(/\s+/);
    writer.ensureSpace(11 * 1.3);
    if (writer.page) drawString(writer.page, marker, writer.layout.marginLeft + 12, writer.y - 11, 11, fonts.regular, MUTED);
    writer.paragraph(rest.join(' '), { size: 11, indent: 12 + Math.max(16, textWidth(fonts.regular, `${marker} `, 11)), gapAfter: 4 });
  }

  writer.gap(10);
  writer.ensureSpace(signatureHeight - 10);
  writer.line(letter.closing, { size: 11 });
  writer.gap(36);
  writer.line(letter.from.name, { size: 11 });
  if (letter.from.organization) writer.line(letter.from.organization, { size: 11 });
  if (letter.cc && letter.cc.length > 0) {
    writer.gap(16);
    writer.paragraph(`cc: ${letter.cc.join('; ')}`, { size: 9, color: MUTED });
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const label = `Page ${index + 1} of ${pages.length}`;
    const x = (page.getWidth() - textWidth(fonts.regular, label, 8)) / 2;
    drawString(page, label, x, 30, 8, fonts.regular, MUTED);
  });
  doc.setTitle(letter.subject);
  doc.setAuthor(letter.from.name);
  doc.setSubject(letter.subject);
  doc.setCreator('Advocate Desk');
  doc.setProducer('Advocate Desk');
  const now = new Date();
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  return doc.save();
}

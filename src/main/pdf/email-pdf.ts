import { PDFDocument } from 'pdf-lib';
import { formatBytes, formatCount } from '@shared/format';
import { embedFonts } from './fonts';
import { FlowWriter, LETTER_SIZE, MUTED } from './pdf-text';

export interface EmailForPdf {
  subject: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  dateHeader: string | null;
  body: string;
  attachments: { fileName: string; mimeType: string; size: number }[];
}

/**
 * An e-mail as the pages a mediator reads: the header block (from, to, cc, date, subject), the
 * body's text, and the attachments listed by name, type and size (each can be imported as its own
 * document). Laid out from text the bounded parser process already extracted; nothing remote is
 * ever fetched. Names in any script print, in the embedded DejaVu font.
 */
export async function renderEmailPdf(email: EmailForPdf): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const writer = new FlowWriter(fonts, () => doc.addPage(LETTER_SIZE));
  writer.newPage();
  writer.paragraph(email.subject || '(no subject)', { size: 14, font: 'bold', gapAfter: 8 });
  const headers: [string, string | null][] = [
    ['From', email.from],
    ['To', email.to],
    ['Cc', email.cc],
    ['Date', email.dateHeader],
    ['Subject', email.subject],
  ];
  writer.table(
    [
      { header: 'Header', share: 0.16 },
      { header: 'Value', share: 0.84 },
    ],
    headers.filter((entry): entry is [string, string] => Boolean(entry[1])).map(([name, value]) => ({ cells: [name, value] })),
    { size: 9 },
  );
  if (email.attachments.length > 0) {
    writer.paragraph(`${formatCount(email.attachments.length, 'attachment')}:`, { size: 9, font: 'bold', gapAfter: 2 });
    for (const attachment of email.attachments) {
      writer.paragraph(`• ${attachment.fileName} (${attachment.mimeType}, ${formatBytes(attachment.size)})`, {
        size: 9,
        color: MUTED,
        indent: 10,
        gapAfter: 1,
      });
    }
    writer.gap(6);
  }
  writer.rule();
  for (const paragraph of (email.body || '(no text)').split(/\n{2,}/)) writer.paragraph(paragraph, { size: 10, gapAfter: 6 });
  doc.setTitle(email.subject ?? 'E-mail');
  doc.setCreator('Advocate Desk');
  doc.setProducer('Advocate Desk');
  return { bytes: await doc.save(), pageCount: doc.getPageCount() };
}

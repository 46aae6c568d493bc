import { EncryptedPDFError, ParseSpeeds, PDFDocument } from 'pdf-lib';

export type OpenedSource = { isOpen: true; doc: PDFDocument; pageCount: number } | { isOpen: false; reason: string };

const PDF_MAGIC = '%PDF-';

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow up to 1 KB of junk (ISO 32000-1 §7.5.2 implementation note).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes(PDF_MAGIC);
}

/** Turns a parser's message into something an advocate can act on, keeping the detail. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The file is damaged and could not be read (${message.split('\n')[0]?.slice(0, 160)}).`;
}

/**
 * Opens an uploaded document defensively: binders are built from whatever the district sent,
 * so a file may be not a PDF at all, password-protected, or damaged in ways that only show when
 * its pages are read. Each failure becomes a reason the advocate sees, never a crashed build.
 */
export async function openSourcePdf(bytes: Uint8Array): Promise<OpenedSource> {
  if (bytes.byteLength === 0) return { isOpen: false, reason: 'The file is empty.' };
  if (!hasPdfHeader(bytes)) return { isOpen: false, reason: 'The file is not a PDF.' };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      // Parse without yielding every 100 objects; the builder yields between documents instead.
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      return { isOpen: false, reason: 'The file is password-protected or encrypted; save an unlocked copy.' };
    }
    return { isOpen: false, reason: describeFailure(error) };
  }
  // pdf-lib cannot decrypt: copying pages of an encrypted file would produce unreadable pages.
  if (doc.isEncrypted) {
    return { isOpen: false, reason: 'The file is password-protected or encrypted; save an unlocked copy.' };
  }
  try {
    const pageCount = doc.getPageCount();
    // Reading every page object catches broken page trees that a bare count does not.
    const pages = doc.getPages();
    if (pageCount === 0 || pages.length !== pageCount) {
      return { isOpen: false, reason: 'The file has no readable pages.' };
    }
    for (const page of pages) {
      const { width, height } = page.getSize();
      if (!(width > 0 && height > 0)) return { isOpen: false, reason: 'The file has a page with no size.' };
    }
    return { isOpen: true, doc, pageCount };
  } catch (error) {
    return { isOpen: false, reason: describeFailure(error) };
  }
}

/** Whether a source document can be written out on its own; used to find the culprit when a save fails. */
export async function canSerialise(doc: PDFDocument): Promise<boolean> {
  try {
    await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    return true;
  } catch {
    return false;
  }
}

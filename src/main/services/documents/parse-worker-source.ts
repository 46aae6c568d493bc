/**
 * The code of the parse worker, as plain JavaScript run with `new Worker(source, { eval: true })`.
 *
 * Why a string: the same worker must start under tsx/vitest (TypeScript sources, no build) and in
 * the bundled Electron main (one file in out/main, where a sibling worker file would not be
 * copied). A string has no file to find. It stays small: it only drives the third-party parsers
 * (pdf-lib, PDF.js, fflate), whose absolute module paths the main thread resolves and passes in,
 * and reports back a plain result. Everything that touches the vault stays in the main thread.
 *
 * Input (workerData): { task: 'pdf' | 'png' | 'jpeg' | 'docx', bytes: Uint8Array, modules: { pdfLib, pdfjs, fflate }, maxTextChars }
 * Output (one message): { ok: true, pageCount, text, pdfBytes? } | { ok: false, code, message }
 */
export const PARSE_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const fail = (code, message) => ({ ok: false, code, message });
const ENCRYPTED = 'The PDF is password-protected or encrypted. Open it, save or print an unlocked copy, and import that copy.';
const firstLine = (error) => String((error && error.message) || error).split('\n')[0].slice(0, 160);
const cap = (text) => (text.length > workerData.maxTextChars ? text.slice(0, workerData.maxTextChars) : text);

async function extractPdfText(bytes) {
  const pdfjs = await import(workerData.modules.pdfjs);
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    if (error && error.name === 'PasswordException') return fail('encrypted', ENCRYPTED);
    return fail('unreadable', 'The PDF is damaged and could not be read (' + firstLine(error) + ').');
  }
  const pages = [];
  let length = 0;
  try {
    for (let number = 1; number <= pdf.numPages && length < workerData.maxTextChars; number += 1) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const text = content.items.map((item) => (item.str || '') + (item.hasEOL ? '\n' : ' ')).join('').replace(/[ \t]+\n/g, '\n').trim();
        pages.push(text);
        length += text.length;
        page.cleanup();
      } catch {
        // A page whose text cannot be read still prints; only its words are missing from search.
        pages.push('');
      }
    }
  } finally {
    await task.destroy();
  }
  return { ok: true, pageCount: pdf.numPages, text: cap(pages.join('\n\n').trim()) };
}

async function checkPdf(bytes) {
  const { PDFDocument, EncryptedPDFError, ParseSpeeds } = require(workerData.modules.pdfLib);
  let doc;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return fail('encrypted', ENCRYPTED);
    return fail('unreadable', 'The PDF is damaged and could not be read (' + firstLine(error) + ').');
  }
  // The binder copies pages with pdf-lib, which cannot decrypt: even an encrypted file that opens
  // without a password would print as blank pages, so it is refused here, at the door.
  if (doc.isEncrypted) return fail('encrypted', ENCRYPTED);
  let pageCount;
  try {
    const pages = doc.getPages();
    pageCount = pages.length;
    if (pageCount === 0) return fail('unreadable', 'The PDF has no pages that can be read.');
    for (const page of pages) {
      const { width, height } = page.getSize();
      if (!(width > 0 && height > 0)) return fail('unreadable', 'The PDF has a page with no size; it is damaged.');
    }
  } catch (error) {
    return fail('unreadable', 'The PDF is damaged and could not be read (' + firstLine(error) + ').');
  }
  // PDF.js may detach the buffer it is given: it gets a copy.
  const text = await extractPdfText(bytes.slice());
  if (!text.ok) return text;
  return { ok: true, pageCount, text: text.text };
}

/** One Letter page (landscape for a wide image), the image centred and shrunk to fit half-inch margins. */
async function imageToPdf(bytes, kind) {
  const { PDFDocument } = require(workerData.modules.pdfLib);
  const doc = await PDFDocument.create();
  let image;
  try {
    image = kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch (error) {
    return fail('unreadable', 'The image is damaged and could not be read (' + firstLine(error) + ').');
  }
  if (!(image.width > 0 && image.height > 0)) return fail('unreadable', 'The image has no size; it is damaged.');
  const [pageWidth, pageHeight] = image.width > image.height ? [792, 612] : [612, 792];
  const margin = 36;
  const scale = Math.min(1, (pageWidth - 2 * margin) / image.width, (pageHeight - 2 * margin) / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const page = doc.addPage([pageWidth, pageHeight]);
  page.drawImage(image, { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height });
  doc.setCreator('Advocate Desk');
  doc.setProducer('Advocate Desk');
  const pdfBytes = await doc.save();
  return { ok: true, pageCount: 1, text: '', pdfBytes };
}

const MAX_DOCUMENT_XML = 64 * 1024 * 1024;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name) => {
    if (name[0] !== '#') return ENTITIES[name];
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** A .docx is a zip holding [Content_Types].xml and word/document.xml; its text feeds search. */
function checkDocx(bytes) {
  const fflate = require(workerData.modules.fflate);
  const names = new Set();
  let files;
  try {
    files = fflate.unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return file.name === 'word/document.xml' && file.originalSize <= MAX_DOCUMENT_XML;
      },
    });
  } catch (error) {
    return fail('unreadable', 'The file looks like a Word document but is damaged (' + firstLine(error) + ').');
  }
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
    return fail('unsupported', 'This zip file is not a Word document (.docx). Import a PDF, a PNG or JPEG image, a Word document (.docx) or a saved email (.eml).');
  }
  const xml = files['word/document.xml'];
  if (!xml) return { ok: true, pageCount: null, text: '' };
  const text = decodeEntities(
    fflate
      .strFromU8(xml)
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:br\/>|<\/w:p>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { ok: true, pageCount: null, text: cap(text) };
}

async function run() {
  const { task, bytes } = workerData;
  if (task === 'pdf') return checkPdf(bytes);
  if (task === 'png' || task === 'jpeg') return imageToPdf(bytes, task);
  if (task === 'docx') return checkDocx(bytes);
  return fail('unsupported', 'Unknown parse task.');
}

run().then(
  (result) => parentPort.postMessage(result, result.pdfBytes ? [result.pdfBytes.buffer] : []),
  (error) => parentPort.postMessage(fail('unreadable', 'The file could not be read (' + firstLine(error) + ').')),
);
`;

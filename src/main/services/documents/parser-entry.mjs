/**
 * The parser process: the one place where untrusted file content is parsed (PDF, PNG/JPEG, Word,
 * e-mail, zip archives). Plain JavaScript on purpose: it is started with child_process.fork under
 * plain Node (tests, the CLI, the bridge) and under Electron's Node mode (the app), from sources
 * or from out/main, with nothing to compile. It gets one job over IPC, answers once and exits;
 * main kills it at the time limit or when its memory passes the cap.
 *
 * Why a process and not a worker thread: a worker's heap limit does not cover Buffers and
 * ArrayBuffers (where inflated streams live), and a worker shares main's address space. Here the
 * operating system reclaims everything when the process dies.
 *
 * Job (message): { task, bytes, maxTextChars, maxInflatedBytes, maxRssBytes, attachmentIndex? }
 * Answer (message): { ok: true, pageCount, text, pdfBytes?, email?, attachment?, entries? } | { ok: false, code, message }
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export const MEMORY_MARK = 'ADVOCATE_DESK_PARSER_MEMORY_LIMIT';

/**
 * The memory watchdog: a thread that keeps running while the main thread is stuck inside a
 * parser, reads the whole process's resident memory (buffers included) and kills the process
 * past the cap. It says why on stderr first, so main can tell "too big" from "crashed".
 */
function startWatchdog(maxRssBytes) {
  const source = `
    const { workerData } = require('node:worker_threads');
    const { writeSync } = require('node:fs');
    setInterval(() => {
      if (process.memoryUsage.rss() > workerData.maxRssBytes) {
        try { writeSync(2, workerData.mark + '\\n'); } catch {}
        process.kill(process.pid, 'SIGKILL');
      }
    }, 10);
  `;
  const worker = new Worker(source, { eval: true, workerData: { maxRssBytes, mark: MEMORY_MARK } });
  worker.unref();
}

const fail = (code, message) => ({ ok: false, code, message });
const ENCRYPTED = 'The PDF is password-protected or encrypted. Open it, save or print an unlocked copy, and import that copy.';
const firstLine = (error) =>
  String((error && error.message) || error)
    .split('\n')[0]
    .slice(0, 160);

class LimitError extends Error {}

// ---------- zip: inflation capped by the bytes actually produced, never by what headers claim ----------

/**
 * Unzips with fflate's streaming reader, counting every byte the inflater really produces. A zip
 * whose headers lie about sizes (a zip bomb) is stopped at the cap, not trusted. `wanted(name)`
 * picks the entries to keep; the others are skipped without inflating.
 */
async function unzipCapped(bytes, { maxInflatedBytes, wanted = () => true, maxEntries = 10_000 }) {
  const fflate = await import('fflate');
  const files = {};
  const names = [];
  let produced = 0;
  let failure = null;
  const pending = new Set();
  const unzip = new fflate.Unzip((file) => {
    names.push(file.name);
    if (names.length > maxEntries) {
      failure = new LimitError(`it holds more than ${maxEntries} files.`);
      return;
    }
    if (!wanted(file.name) || failure) return;
    const chunks = [];
    pending.add(file.name);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      produced += chunk.length;
      if (produced > maxInflatedBytes) {
        failure = new LimitError(`it expands to more than ${Math.round(maxInflatedBytes / 1024 / 1024)} MB.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const out = new Uint8Array(chunks.reduce((sum, part) => sum + part.length, 0));
        let offset = 0;
        for (const part of chunks) {
          out.set(part, offset);
          offset += part.length;
        }
        files[file.name] = out;
        pending.delete(file.name);
      }
    };
    file.start();
  });
  unzip.register(fflate.UnzipInflate);
  // Fed in slices, so a lying entry is caught after at most one slice's worth of output.
  const SLICE = 64 * 1024;
  for (let offset = 0; offset < bytes.length && !failure; offset += SLICE) {
    unzip.push(bytes.subarray(offset, Math.min(bytes.length, offset + SLICE)), offset + SLICE >= bytes.length);
  }
  if (failure) throw failure;
  // A cut-off archive: no entry at all, or an entry whose data ends before it does.
  if (names.length === 0) throw new Error('no file entries could be read');
  if (pending.size > 0) throw new Error('an entry is cut off');
  return { files, names };
}

// ---------- text out of markup: a real (linear) parser, never backtracking regular expressions ----------

async function markupToText(markup, { xml, maxTextChars }) {
  const { Parser } = await import('htmlparser2');
  const parts = [];
  let length = 0;
  let skipDepth = 0;
  const push = (text) => {
    if (length >= maxTextChars) return;
    parts.push(text);
    length += text.length;
  };
  const breakAfter = xml
    ? new Set(['w:p', 'w:br', 'w:cr'])
    : new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table']);
  const parser = new Parser(
    {
      onopentag(name) {
        if (!xml && (name === 'script' || name === 'style' || name === 'head')) skipDepth += 1;
        if (xml && name === 'w:tab') push('\t');
      },
      ontext(text) {
        if (skipDepth === 0 && (!xml || text.trim() !== '' || parts.length > 0)) push(text);
      },
      onclosetag(name) {
        if (!xml && (name === 'script' || name === 'style' || name === 'head')) skipDepth = Math.max(0, skipDepth - 1);
        if (breakAfter.has(name)) push('\n');
      },
    },
    { xmlMode: xml, decodeEntities: true, lowerCaseTags: !xml },
  );
  parser.write(markup);
  parser.end();
  return parts
    .join('')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, maxTextChars);
}

/** Word's XML: paragraphs, tabs and breaks; the text of w:t runs. Other XML text (instr codes) is rare and harmless. */
async function checkDocx(bytes, job) {
  let unzipped;
  try {
    unzipped = await unzipCapped(bytes, { maxInflatedBytes: job.maxInflatedBytes, wanted: (name) => name === 'word/document.xml' });
  } catch (error) {
    if (error instanceof LimitError)
      return fail('too_complex', `The Word document is too large to read: ${error.message} Save a smaller copy or a PDF, and import that.`);
    return fail('unreadable', 'The file looks like a Word document but is damaged (' + firstLine(error) + ').');
  }
  const names = new Set(unzipped.names);
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
    return fail(
      'unsupported',
      'This zip file is not a Word document (.docx). Import a PDF, a PNG or JPEG image, a Word document (.docx) or a saved email (.eml).',
    );
  }
  const xml = unzipped.files['word/document.xml'];
  if (!xml) return { ok: true, pageCount: null, text: '' };
  const decoded = new TextDecoder('utf-8').decode(xml);
  const text = await markupToText(decoded, { xml: true, maxTextChars: job.maxTextChars });
  return { ok: true, pageCount: null, text, docx: { blocks: await docxBlocks(decoded, job.maxTextChars) } };
}

/**
 * The document's structure for its PDF pages, read with the same XML parser: paragraphs (with
 * Word's heading styles), and tables as rows of cell text (a nested table's text joins its cell).
 * Bounded by the same text cap as search.
 */
async function docxBlocks(xml, maxTextChars) {
  const { Parser } = await import('htmlparser2');
  const blocks = [];
  let budget = maxTextChars;
  let paragraph = null;
  let isText = false;
  let tableDepth = 0;
  let rows = [];
  let row = null;
  let cell = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:p') paragraph = { text: '', style: null };
        else if (name === 'w:pStyle' && paragraph) paragraph.style = String(attributes['w:val'] ?? '');
        else if (name === 'w:t') isText = true;
        else if (name === 'w:tab' && paragraph) paragraph.text += '\t';
        else if ((name === 'w:br' || name === 'w:cr') && paragraph) paragraph.text += '\n';
        else if (name === 'w:tbl') {
          tableDepth += 1;
          if (tableDepth === 1) rows = [];
        } else if (name === 'w:tr' && tableDepth === 1) row = [];
        else if (name === 'w:tc' && tableDepth === 1) cell = '';
      },
      ontext(value) {
        if (isText && paragraph && budget > 0) {
          paragraph.text += value.slice(0, budget);
          budget -= value.length;
        }
      },
      onclosetag(name) {
        if (name === 'w:t') isText = false;
        else if (name === 'w:p' && paragraph) {
          if (tableDepth > 0 && cell !== null) cell = cell ? `${cell}\n${paragraph.text}` : paragraph.text;
          else if (paragraph.text.trim() !== '' && blocks.length < 20_000) {
            const level = /^(?:heading|berschrift|titre)\s*(\d)/i.exec(paragraph.style ?? '')?.[1] ?? (/^title$/i.test(paragraph.style ?? '') ? '1' : null);
            blocks.push(level ? { kind: 'heading', level: Number(level), text: paragraph.text } : { kind: 'paragraph', text: paragraph.text });
          }
          paragraph = null;
        } else if (name === 'w:tc' && tableDepth === 1 && row && cell !== null) {
          row.push(cell);
          cell = null;
        } else if (name === 'w:tr' && tableDepth === 1 && row) {
          if (rows.length < 5_000) rows.push(row.slice(0, 30));
          row = null;
        } else if (name === 'w:tbl') {
          tableDepth -= 1;
          if (tableDepth === 0 && rows.length > 0 && blocks.length < 20_000) blocks.push({ kind: 'table', rows });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return blocks;
}

// ---------- e-mail: postal-mime, the one e-mail parser ----------

function localDate(value) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // The sender's own calendar day, as written in the header (a 23:30 -0800 mail is that day, not the next).
  const match = /^\d{4}-\d{2}-\d{2}/.exec(String(value));
  if (match) return match[0];
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addressText(address) {
  if (!address) return null;
  const list = Array.isArray(address) ? address : [address];
  const text = list
    .map((entry) =>
      entry.group
        ? `${entry.name}: ${addressText(entry.group) ?? ''}`
        : entry.name && entry.address
          ? `${entry.name} <${entry.address}>`
          : entry.address || entry.name || '',
    )
    .filter(Boolean)
    .join(', ');
  return text || null;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * What every e-mail (.eml or .msg) answers with: the same facts for the import's prefill, the PDF
 * pages, the preview and the attachment list. With `job.attachmentIndex` it answers that one
 * attachment's bytes instead (to import it as a document of its own).
 */
async function emailOutcome(message, job) {
  const attachments = message.attachments.slice(0, 200);
  if (typeof job.attachmentIndex === 'number') {
    const chosen = attachments[job.attachmentIndex];
    if (!chosen) return fail('unsupported', 'The e-mail has no such attachment.');
    const content = chosen.content();
    if (!content || content.byteLength === 0) return fail('unreadable', 'That attachment is empty, so there is nothing to import.');
    return { ok: true, pageCount: null, text: '', attachment: { fileName: chosen.fileName, mimeType: chosen.mimeType, bytes: content } };
  }
  const body = message.text ?? (message.html ? await markupToText(message.html, { xml: false, maxTextChars: job.maxTextChars }) : '');
  const headerLines = [
    ['From', message.from],
    ['To', message.to],
    ['Cc', message.cc],
    ['Date', message.rawDate],
    ['Subject', message.subject],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value}`);
  const cleanBody = body.replace(/\r\n/g, '\n').trim();
  const text = `${headerLines.join('\n')}\n\n${cleanBody}`.trim().slice(0, job.maxTextChars);
  return {
    ok: true,
    pageCount: null,
    text,
    email: {
      subject: message.subject?.trim() || null,
      date: message.date,
      from: message.from,
      to: message.to,
      cc: message.cc,
      dateHeader: message.rawDate,
      body: cleanBody.slice(0, job.maxTextChars),
      // Listed, never opened here: name, type, size and a hash (to tell which were imported).
      attachments: attachments.map((attachment) => {
        const content = attachment.content();
        return { fileName: attachment.fileName, mimeType: attachment.mimeType, size: content?.byteLength ?? 0, sha256: content ? sha256(content) : '' };
      }),
    },
  };
}

async function readEmail(bytes, job) {
  const { default: PostalMime } = await import('postal-mime');
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 20, maxHeadersSize: 2 * 1024 * 1024 });
  } catch (error) {
    return fail('unreadable', 'The e-mail could not be read (' + firstLine(error) + ').');
  }
  const rawDate = email.headers.find((header) => header.key === 'date')?.value ?? null;
  // Remote images in HTML are never fetched: only the text is kept.
  return emailOutcome(
    {
      subject: email.subject ?? null,
      rawDate,
      date: email.date ? localDateFromHeader(rawDate, email.date) : null,
      from: addressText(email.from),
      to: addressText(email.to),
      cc: addressText(email.cc),
      text: email.text,
      html: email.html,
      attachments: (email.attachments ?? []).map((attachment) => ({
        fileName: String(attachment.filename ?? 'unnamed attachment').slice(0, 200),
        mimeType: String(attachment.mimeType ?? 'application/octet-stream').slice(0, 100),
        content: () => (attachment.content ? new Uint8Array(attachment.content) : null),
      })),
    },
    job,
  );
}

const OLE_REFUSAL =
  'Password-protected and older-format (.doc) Office files cannot be imported. Save the file as a .docx without a password, or as a PDF, and import that.';

/** An Outlook .msg (an OLE compound file of MAPI properties), read with @kenjiuno/msgreader. */
async function readOutlookMessage(bytes, job) {
  const module = await import('@kenjiuno/msgreader');
  const MsgReader = module.default?.default ?? module.default;
  let reader;
  let data;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    data = reader.getFileData();
  } catch {
    return fail('unsupported', OLE_REFUSAL);
  }
  // Every Outlook item has a message class ('IPM.Note' for an e-mail); a .doc or an encrypted Office file has none.
  if (!data || data.error || data.dataType !== 'msg' || !/^IPM\./i.test(String(data.messageClass ?? ''))) return fail('unsupported', OLE_REFUSAL);
  const transportHeaders = String(data.headers ?? '');
  const headerDate = /^Date:[ \t]*(.+)$/im.exec(transportHeaders)?.[1]?.trim() ?? null;
  const rawDate = headerDate ?? data.clientSubmitTime ?? data.messageDeliveryTime ?? null;
  const parsedDate = rawDate ? new Date(rawDate) : null;
  const person = (name, address) => (name && address && name !== address ? `${name} <${address}>` : address || name || null);
  const recipients = (kind) =>
    (data.recipients ?? [])
      .filter((recipient) => (recipient.recipType ?? 'to') === kind)
      .map((recipient) => person(recipient.name, recipient.smtpAddress || recipient.email))
      .filter(Boolean)
      .join(', ') || null;
  return emailOutcome(
    {
      subject: data.subject ?? null,
      rawDate,
      date: parsedDate && !Number.isNaN(parsedDate.getTime()) ? localDateFromHeader(rawDate, parsedDate.toISOString()) : null,
      from: person(data.senderName, data.senderSmtpAddress || data.senderEmail),
      to: recipients('to'),
      cc: recipients('cc'),
      text: data.body || null,
      html: data.body ? null : data.bodyHtml || null,
      attachments: (data.attachments ?? []).map((attachment) => ({
        fileName: String(attachment.fileName || attachment.fileNameShort || attachment.name || 'unnamed attachment').slice(0, 200),
        mimeType: String(attachment.attachMimeTag || (attachment.innerMsgContent ? 'application/vnd.ms-outlook' : 'application/octet-stream')).slice(0, 100),
        content: () => {
          try {
            return reader.getAttachment(attachment).content ?? null;
          } catch {
            return null;
          }
        },
      })),
    },
    job,
  );
}

/** The Date header's own calendar day (RFC 5322 date-time: 'Tue, 9 Sep 2025 16:02:11 -0700'). */
function localDateFromHeader(raw, iso) {
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const match = raw ? /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(raw.slice(0, 200)) : null;
  if (match) {
    const month = months.indexOf(match[2].toLowerCase());
    if (month >= 0) return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  }
  return localDate(iso);
}

// ---------- PDF and images: pdf-lib checks structure, PDF.js extracts text ----------

async function extractPdfText(bytes, maxTextChars) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
    for (let number = 1; number <= pdf.numPages && length < maxTextChars; number += 1) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const text = content.items
          .map((item) => (item.str || '') + (item.hasEOL ? '\n' : ' '))
          .join('')
          .replace(/[ \t]+\n/g, '\n')
          .trim();
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
  return { ok: true, pageCount: pdf.numPages, text: pages.join('\n\n').trim().slice(0, maxTextChars) };
}

async function checkPdf(bytes, job) {
  const { PDFDocument, EncryptedPDFError, ParseSpeeds } = await import('pdf-lib');
  let doc;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return fail('encrypted', ENCRYPTED);
    return fail('unreadable', 'The PDF is damaged and could not be read (' + firstLine(error) + ').');
  }
  // The binder copies pages with pdf-lib, which cannot decrypt: an encrypted file would print blank.
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
  const text = await extractPdfText(bytes.slice(), job.maxTextChars);
  if (!text.ok) return text;
  return { ok: true, pageCount, text: text.text };
}

/** One Letter page (landscape for a wide image), the image centred and shrunk to fit half-inch margins. */
async function imageToPdf(bytes, kind) {
  const { PDFDocument } = await import('pdf-lib');
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

/** A family export: every entry, inflated under the cap; validation of what they say stays in main. */
async function readArchive(bytes, job) {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return fail('unreadable', 'it is not a readable zip archive.');
  try {
    const { files } = await unzipCapped(bytes, { maxInflatedBytes: job.maxInflatedBytes });
    return { ok: true, pageCount: null, text: '', entries: files };
  } catch (error) {
    if (error instanceof LimitError) return fail('too_complex', error.message);
    return fail('unreadable', 'it is not a readable zip archive.');
  }
}

/**
 * Service logs (CSV) and school calendars (CSV, iCalendar): the app's own readers in src/shared,
 * run here rather than in main. From sources they are TypeScript (main starts this process with
 * the tsx loader then); in the built app electron-vite compiles them into this entry's bundle.
 */
async function readStructuredText(bytes, task) {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (task === 'progress-csv') {
    const { parseProgressCsv } = await import('../../../shared/progress/progress-csv.ts');
    return { ok: true, pageCount: null, text: '', data: parseProgressCsv(text) };
  }
  if (task === 'service-log-csv') {
    const { parseServiceLogCsv } = await import('../../../shared/compliance/service-log-csv.ts');
    return { ok: true, pageCount: null, text: '', data: parseServiceLogCsv(text) };
  }
  const { importCalendarCsv, importCalendarIcs } = await import('../../../shared/deadlines/calendar-import.ts');
  return { ok: true, pageCount: null, text: '', data: task === 'calendar-csv' ? importCalendarCsv(text) : importCalendarIcs(text) };
}

/** Test-only tasks that behave like the worst files: they prove the limits, not a parser. */
async function hostileTask(task) {
  if (task === 'test:spin') for (;;);
  if (task === 'test:allocate') {
    const held = [];
    for (;;) held.push(Buffer.alloc(16 * 1024 * 1024, 1));
  }
  return fail('unsupported', 'Unknown parse task.');
}

async function run(job) {
  // A plain Uint8Array of its own (PDF.js refuses Buffers, and a view may share a larger pool).
  const source = job.bytes;
  const bytes = new Uint8Array(source.byteLength);
  bytes.set(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  switch (job.task) {
    case 'pdf':
      return checkPdf(bytes, job);
    case 'png':
    case 'jpeg':
      return imageToPdf(bytes, job.task);
    case 'docx':
      return checkDocx(bytes, job);
    case 'eml':
      return readEmail(bytes, job);
    case 'msg':
      return readOutlookMessage(bytes, job);
    case 'zip':
      return readArchive(bytes, job);
    case 'service-log-csv':
    case 'progress-csv':
    case 'calendar-csv':
    case 'calendar-ics':
      return readStructuredText(bytes, job.task);
    default:
      return job.allowTestTasks ? hostileTask(job.task) : fail('unsupported', 'Unknown parse task.');
  }
}

// Parser warnings about a district's odd fonts must not reach the logs with file content.
console.log = console.warn = console.info = console.error = () => {};

process.once('message', (job) => {
  startWatchdog(job.maxRssBytes);
  run(job).then(
    (result) => process.send(result, () => process.exit(0)),
    (error) => process.send(fail('unreadable', 'The file could not be read (' + firstLine(error) + ').'), () => process.exit(0)),
  );
});

// Tell main the process is ready for its job (the IPC channel is up).
process.send({ ready: true });

/**
 * Reads a saved email (.eml, RFC 5322 with MIME parts, RFC 2045-2047) far enough to file it: the
 * subject and date become the document's defaults, and the headers plus the plain-text body are
 * stored for search. The file itself is kept byte for byte. Linear string work with hard caps,
 * so it runs in the main thread without a worker.
 */
import { TextDecoder } from 'node:util';
import dayjs from 'dayjs';

export interface EmailSummary {
  subject: string | null;
  /** The Date header as a local calendar date, when it parses. */
  date: string | null;
  from: string | null;
  text: string;
}

const MAX_PARTS = 50;
const MAX_DEPTH = 4;

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const separator = /\r?\n\r?\n/.exec(raw);
  const headerBlock = separator ? raw.slice(0, separator.index) : raw;
  const body = separator ? raw.slice(separator.index + separator[0].length) : '';
  const headers = new Map<string, string>();
  // Folded header lines continue with white space (RFC 5322 §2.2.3).
  for (const line of headerBlock.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset?.trim().toLowerCase() || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return latin1Bytes(bytes);
}

/** '=?utf-8?Q?Re=3A_IEE?=' and '=?UTF-8?B?...?=' in Subject and From (RFC 2047). */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, data: string) => {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decoderFor(charset.split('*')[0]).decode(bytes);
    });
}

function parameter(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = parameter(part.headers.get('content-type'), 'charset');
  if (encoding === 'base64') return decoderFor(charset).decode(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return decoderFor(charset).decode(decodeQuotedPrintable(part.body));
  // 7bit/8bit bodies were read as latin1; re-decode them in their declared charset.
  return decoderFor(charset).decode(latin1Bytes(part.body));
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>|<\/tr>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The readable body: the first text/plain part, else the first text/html part stripped of tags. */
function bodyText(part: Part, depth: number, budget: { parts: number }): { plain: string | null; html: string | null } {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = parameter(part.headers.get('content-type'), 'boundary');
    if (!boundary) return { plain: null, html: null };
    const found: { plain: string | null; html: string | null } = { plain: null, html: null };
    for (const chunk of part.body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--') || budget.parts >= MAX_PARTS) break;
      budget.parts += 1;
      const inner = bodyText(splitPart(chunk.replace(/^\r?\n/, '')), depth + 1, budget);
      found.plain ??= inner.plain;
      found.html ??= inner.html;
      if (found.plain) break;
    }
    return found;
  }
  if ((part.headers.get('content-disposition') ?? '').toLowerCase().startsWith('attachment')) return { plain: null, html: null };
  if (type.startsWith('text/plain')) return { plain: decodeBody(part), html: null };
  if (type.startsWith('text/html')) return { plain: null, html: htmlToText(decodeBody(part)) };
  return { plain: null, html: null };
}

export function readEmail(bytes: Uint8Array, maxTextChars: number): EmailSummary {
  // latin1 keeps every byte; each part is decoded in its own charset afterwards.
  const message = splitPart(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  const header = (name: string) => {
    const value = message.headers.get(name);
    return value ? decodeEncodedWords(decoderFor('utf-8').decode(latin1Bytes(value))).trim() || null : null;
  };
  const subject = header('subject');
  const from = header('from');
  const rawDate = header('date');
  const parsedDate = rawDate ? dayjs(new Date(rawDate.replace(/\s*\([^)]*\)\s*$/, ''))) : null;
  const date = parsedDate?.isValid() ? parsedDate.format('YYYY-MM-DD') : null;
  const body = bodyText(message, 0, { parts: 0 });
  const headerLines = (['from', 'to', 'cc', 'date', 'subject'] as const)
    .map((name) => [name, header(name)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name[0]!.toUpperCase()}${name.slice(1)}: ${value}`);
  const text = `${headerLines.join('\n')}\n\n${(body.plain ?? body.html ?? '').replace(/\r\n/g, '\n').trim()}`.trim();
  return { subject, date, from, text: text.slice(0, maxTextChars) };
}

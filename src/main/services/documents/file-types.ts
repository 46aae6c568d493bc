/**
 * What an uploaded file really is, read from its first bytes (magic numbers), never from its name:
 * a district's 'report.pdf' may be a phone photo, and a renamed executable must not pass as a PDF.
 */
export type SniffedType = 'pdf' | 'png' | 'jpeg' | 'docx' | 'eml' | 'msg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: Outlook's .msg, but also legacy (.doc) and password-protected Office files; the parser tells them apart. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Every file a PNG decoder would have to hold in memory at 4 bytes a pixel: 40 megapixels is 160 MB. */
export const MAX_IMAGE_PIXELS = 40_000_000;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The PDF header may follow up to 1 KB of junk (ISO 32000-1 §7.5.2); the binder accepts the same. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Header names the email header block must show (RFC 5322 §3.6); two of them make it an email. */
const EMAIL_HEADERS = new Set(['from', 'to', 'cc', 'date', 'subject', 'message-id', 'received', 'mime-version', 'return-path', 'reply-to', 'sender']);
const HEADER_LINE = /^([!-9;-~]+):/;

/**
 * An RFC 5322 message: text without NUL bytes whose first lines are header fields (name, colon,
 * value; folded lines start with white space), including at least two of the usual email headers.
 * An mbox 'From ' envelope line before them is tolerated.
 */
function isEmail(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024));
  if (head.includes(0)) return false;
  const lines = head.toString('latin1').split(/\r?\n/);
  let index = lines[0]?.startsWith('From ') ? 1 : 0;
  const seen = new Set<string>();
  let fieldCount = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (fieldCount === 0) return false;
      continue;
    }
    const match = HEADER_LINE.exec(line);
    if (!match) return false;
    fieldCount += 1;
    const name = (match[1] ?? '').toLowerCase();
    if (EMAIL_HEADERS.has(name)) seen.add(name);
  }
  return fieldCount > 0 && seen.size >= 2 && (seen.has('from') || seen.has('date') || seen.has('received'));
}

/**
 * The file's type, or null for anything else. A zip is only a candidate Word document here, and an
 * OLE compound file only a candidate Outlook message: the parser process confirms them (word/document.xml;
 * an Outlook message class) and refuses the rest with a reason.
 */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (bytes.byteLength < 8) return null;
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return 'docx';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'msg';
  if (isPdf(bytes)) return 'pdf';
  if (isEmail(bytes)) return 'eml';
  return null;
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.byteLength < 24) return null;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

export const UNSUPPORTED_TYPE_MESSAGE =
  'This kind of file cannot be imported. Import a PDF, a PNG or JPEG image, a Word document (.docx) or a saved email (.eml, or Outlook’s .msg).';

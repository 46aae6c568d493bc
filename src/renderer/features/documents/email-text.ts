/**
 * A readable view of an .eml file for the preview: the main headers and the first plain-text body
 * part. Anything more complex (HTML only, attachments) is left to 'Save a copy'.
 */
export interface EmailText {
  headers: { name: string; value: string }[];
  body: string;
}

const SHOWN_HEADERS = ['From', 'To', 'Cc', 'Date', 'Subject'];

function unfoldHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  try {
    return new TextDecoder().decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0)));
  } catch {
    return bytes;
  }
}

function decodeBody(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? '').toLowerCase();
  if (kind === 'base64') {
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(body.replace(/\s+/g, '')), (char) => char.charCodeAt(0)));
    } catch {
      return body;
    }
  }
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: unfoldHeaders(raw), body: '' };
  return { headers: unfoldHeaders(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

function plainPart(headers: Map<string, string>, body: string, depth = 0): string | null {
  const type = headers.get('content-type') ?? 'text/plain';
  if (/^text\/plain/i.test(type)) return decodeBody(body, headers.get('content-transfer-encoding'));
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary || depth > 3) return null;
  for (const part of body.split(`--${boundary}`).slice(1)) {
    const inner = split(part.replace(/^\r?\n/, ''));
    const found = plainPart(inner.headers, inner.body, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function emailText(raw: string): EmailText {
  const { headers, body } = split(raw);
  return {
    headers: SHOWN_HEADERS.filter((name) => headers.has(name.toLowerCase())).map((name) => ({ name, value: headers.get(name.toLowerCase())! })),
    body: (plainPart(headers, body) ?? 'This email has no plain-text part. Save a copy to open it in your mail program.').trim(),
  };
}

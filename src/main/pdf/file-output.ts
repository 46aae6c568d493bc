/** Windows refuses these names with any extension ('CON.pdf' too), case-insensitively. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Separators and characters Windows or macOS forbid in names, plus C0/C1 control characters. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
/** Most file systems allow 255 bytes per name; stay well under to leave room for ' (2)' copies. */
const MAX_NAME_BYTES = 180;

function truncateToBytes(value: string, maxBytes: number): string {
  let result = '';
  for (const character of Array.from(value)) {
    if (Buffer.byteLength(result + character, 'utf8') > maxBytes) break;
    result += character;
  }
  return result;
}

/**
 * Makes a user-facing title safe as a file name on Windows, macOS and Linux, keeping letters with
 * accents and other scripts ('Évaluation – Zoë Nguyễn.pdf' stays readable). The extension (the last
 * '.xyz' of up to 8 letters or digits) survives truncation.
 */
export function sanitizeFileName(name: string, fallback = 'document'): string {
  const clean = name.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  const extensionMatch = /(\.[\p{L}\p{N}]{1,8})$/u.exec(clean);
  const extension = extensionMatch?.[1] ?? '';
  // Leading dots hide files on Unix and '..' must never survive; trailing dots and spaces are
  // silently stripped by Windows, which would make two different names collide.
  const trimEnds = (value: string) => value.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  let stem = trimEnds(extension ? clean.slice(0, -extension.length) : clean);
  stem = trimEnds(truncateToBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(extension, 'utf8')));
  const result = `${stem === '' ? fallback : stem}${extension}`;
  return WINDOWS_RESERVED.test(result) ? `_${result}` : result;
}

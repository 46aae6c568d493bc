/** Timestamps and sizes come from the one formatting module, so Settings reads like every other screen. */
export { formatTimestamp, formatBytes } from '@shared/format';

/** A file next to `path` (same folder, same separator), for suggesting where a restored vault goes. */
export function siblingPath(path: string, fileName: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? fileName : `${path.slice(0, cut + 1)}${fileName}`;
}

/** 'create' → 'Create', 'case_contact' → 'Case contact'. */
export function humanize(value: string): string {
  const words = value.replace(/[_.]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

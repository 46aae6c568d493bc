import dayjs from 'dayjs';

/** An ISO timestamp in the advocate's local time, to the second (audit entries can be seconds apart). */
export function formatTimestamp(value: string, withSeconds = false): string {
  const time = dayjs(value);
  return time.isValid() ? time.format(withSeconds ? 'MMM D, YYYY h:mm:ss A' : 'MMM D, YYYY h:mm A') : value;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

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

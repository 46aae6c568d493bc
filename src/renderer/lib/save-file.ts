import { call } from '../api/client';

/**
 * Saves a file the advocate exports on purpose. In the desktop app main shows the system's save
 * dialog and writes the file atomically (never a partial file); in the browser bridge, where no
 * dialog exists, the browser's own download does it. Returns false if the user cancelled.
 */
export async function saveExportedFile(file: { fileName: string; mimeType: string } & ({ base64: string } | { text: string })): Promise<boolean> {
  const base64 = 'base64' in file ? file.base64 : textToBase64(file.text);
  const result = await call('files.save', { suggestedName: file.fileName, base64, mimeType: file.mimeType });
  if (result.savedPath) return true;
  if (result.wasCancelled) return false;
  downloadInBrowser(base64, file.mimeType, file.fileName);
  return true;
}

function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: mimeType });
}

/** The object URL is revoked soon after the click: the download has its own copy by then. */
function downloadInBrowser(base64: string, mimeType: string, fileName: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, mimeType));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

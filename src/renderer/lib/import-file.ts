import type { ImportKind } from '@shared/api/file-limits';
import type { FileRef } from '@shared/api/file-ref';
import { call, fileReference } from '../api/client';

/**
 * A file the advocate picked or dropped for an import, before it is sent: either chosen in main's
 * open dialog (the desktop app: `ref` holds main's opaque id), or a browser File (a drop, or the
 * browser's own picker in `dev:browser`), turned into a reference only when a call needs it.
 */
export interface PickedFile {
  name: string;
  /** Bytes, when known here (a browser File); main checks the real size against the kind's limit. */
  size: number | null;
  ref?: FileRef;
  file?: File;
}

/** Whether main owns the open dialog (the desktop app); the browser bridge uses the page's own picker and uploads. */
export function hasMainChooser(): boolean {
  return Boolean(window.api);
}

/** Main's open dialog for one kind of import; null when cancelled. */
export async function chooseInMain(kind: ImportKind): Promise<PickedFile | null> {
  const choice = await call('files.chooseImport', { kind });
  if (choice.choiceId === null || choice.fileName === null) return null;
  return { name: choice.fileName, size: null, ref: { choiceId: choice.choiceId } };
}

export function pickedFromFile(file: File): PickedFile {
  return { name: file.name, size: file.size, file };
}

/**
 * The reference an import call takes, made fresh for each call: a dropped file's path in the
 * desktop app, or a new upload in the browser bridge (an upload is deleted once read, so a preview
 * and the import that follows each send their own). The file's bytes never travel inside a call.
 */
export async function referenceFor(picked: PickedFile): Promise<FileRef> {
  if (picked.ref) return picked.ref;
  if (!picked.file) throw new Error('Choose the file again.');
  return fileReference(picked.file);
}

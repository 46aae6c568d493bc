import { documentBytes } from '../documents/documents-service';
import { storedFileName } from '../documents/document-records';
import type { ServiceContext } from '../context';

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * A stored document's bytes for the preview, which the window loads by URL from the app's own
 * protocol (the bridge: GET /documents/<id>/content): the bytes go from the vault to the frame
 * without passing through the API as base64.
 */
export function readDocumentFile(ctx: ServiceContext, id: number): DocumentFile {
  const { row, bytes } = documentBytes(ctx, id);
  return { fileName: storedFileName(row), mimeType: row.mimeType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

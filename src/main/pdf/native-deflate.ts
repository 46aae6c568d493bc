import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

interface Pako {
  deflate: (data: Uint8Array, options?: unknown) => Uint8Array;
}

/** The pako that pdf-lib itself loads (resolved from pdf-lib's folder, so the same module instance). */
const pdfLibRequire = createRequire(createRequire(import.meta.url).resolve('pdf-lib'));
const pako = pdfLibRequire('pako') as Pako;
const javascriptDeflate = pako.deflate;

/** Node's zlib in place of pako's: the same zlib-wrapped deflate stream at the same default level. */
function nativeDeflate(data: Uint8Array, options?: unknown): Uint8Array {
  // pdf-lib always calls it with the data alone; anything else goes to pako unchanged.
  if (options !== undefined) return javascriptDeflate(data, options);
  return deflateSync(data);
}

/**
 * pdf-lib compresses every object stream and embedded font with pako, zlib written in JavaScript.
 * In a binder's first build in a process (the CLI's, a fresh PDF worker's) that code is not yet
 * compiled, and pako took about 85 ms of a 500-page build's 550. pdf-lib offers no way to pass a
 * compressor, so its pako's `deflate` is pointed at Node's zlib (C, the same format and level),
 * once per process. Decoding is untouched (pdf-lib inflates with its own code).
 */
export function useNativeDeflate(): void {
  pako.deflate = nativeDeflate;
}

/** For the test: whether pdf-lib's deflate is Node's. */
export function isNativeDeflateInUse(): boolean {
  return pako.deflate === nativeDeflate;
}

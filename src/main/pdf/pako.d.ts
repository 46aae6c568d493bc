/** The one function of pako (pdf-lib's zlib, 1.x ships no types) that native-deflate.ts replaces. */
declare module 'pako' {
  const pako: { deflate: (data: Uint8Array, options?: unknown) => Uint8Array };
  export default pako;
}

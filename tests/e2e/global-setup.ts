import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The specs drive the built renderer (out/renderer), so build it once, synchronously, before any
 * spec runs. A failed build throws here and fails the whole run loudly rather than testing a
 * stale bundle.
 */
export default function setup(): void {
  try {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  } catch (error) {
    throw new Error(`The e2e build (npx electron-vite build) failed, so no spec can run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AppEvent } from '@shared/api/events';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import { documentHeaders } from '../lib/document-headers';

/**
 * A loopback HTTP bridge that carries the same typed API as Electron's IPC, for end-to-end tests
 * and `npm run dev:browser`. It is never started by the packaged app. It listens on 127.0.0.1
 * only, requires a random per-launch token (exchanged once for an HttpOnly SameSite=Strict
 * cookie), checks Host and Origin (against DNS rebinding and cross-site requests) and serves
 * exactly one dispatcher: the same handler table the IPC uses.
 */
export interface BridgeOptions {
  dispatch: (method: unknown, input: unknown) => Promise<unknown>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Where POST /uploads streams a file the page imports (the service process reads it from there by id). */
  uploadsDir?: string;
  /** Largest upload, in bytes. */
  maxUploadBytes?: number;
  /** A stored document for the preview: GET /documents/<id>/content. */
  readDocument?: (documentId: number) => Promise<{ mimeType: string; bytes: Uint8Array } | null>;
  /** The event channel: GET /events streams these to the page as server-sent events. */
  subscribe?: (listener: (event: AppEvent) => void) => () => void;
}

/** A comment line now and then keeps idle proxies and the browser from dropping the stream. */
const EVENT_STREAM_KEEPALIVE_MS = 25_000;

export interface RunningBridge {
  origin: string;
  /** Open this once: it sets the session cookie and redirects to the app. */
  loginUrl: string;
  token: string;
  close: () => Promise<void>;
}

const COOKIE = 'advocate_desk_session';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendDocument(response: ServerResponse, file: { mimeType: string; bytes: Uint8Array }): void {
  response.writeHead(200, documentHeaders(file.mimeType, file.bytes.byteLength));
  response.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/**
 * Streams an upload to its own file (never held in memory whole, never base64), stopping at the
 * size limit; returns its id, or null when it was too large (nothing is left behind).
 */
async function receiveUpload(request: IncomingMessage, folder: string, limit: number): Promise<string | null> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const uploadId = randomBytes(16).toString('hex');
  const path = join(folder, uploadId);
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(request, cap, createWriteStream(path, { mode: 0o600 }));
    return uploadId;
  } catch {
    rmSync(path, { force: true });
    return null;
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = randomBytes(32).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  // Documents travel base64-encoded: a 50 MB file is about 67 MB of JSON.
  const maxBody = options.maxBodyBytes ?? 80 * 1024 * 1024;
  let allowedHosts: string[] = [];
  let origin = '';

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    securityHeaders(response);
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, 'Wrong host');
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname === '/login' && request.method === 'GET') {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token))
        return send(response, 401, 'This link is not valid. Use the one printed at start-up.');
      response.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void response.end();
    }
    if (!sameSecret(cookieToken(request), token)) {
      return send(response, 401, 'Not signed in to this Advocate Desk session. Open the link printed at start-up.');
    }

    if (url.pathname === '/api') {
      if (request.method !== 'POST') return send(response, 405, 'Use POST');
      if (request.headers.origin !== undefined && request.headers.origin !== origin) return send(response, 403, 'Cross-origin request refused');
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, 'JSON only');
      const body = await readBody(request, maxBody);
      if (body === null) return send(response, 413, 'Request too large');
      let message: { method?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as { method?: unknown; input?: unknown };
      } catch {
        return send(response, 400, 'Malformed JSON');
      }
      if (message === null || typeof message !== 'object' || Array.isArray(message)) {
        return send(response, 400, 'The request body must be a JSON object: { "method": ..., "input": ... }');
      }
      const result = await options.dispatch(message.method, message.input);
      return send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/uploads') {
      if (request.method !== 'POST') return send(response, 405, 'Use POST');
      if (request.headers.origin !== undefined && request.headers.origin !== origin) return send(response, 403, 'Cross-origin request refused');
      if (!options.uploadsDir) return send(response, 404, 'No uploads here');
      const uploadId = await receiveUpload(request, options.uploadsDir, options.maxUploadBytes ?? 1024 ** 3);
      if (!uploadId) return send(response, 413, 'The file is too large to import');
      return send(response, 200, JSON.stringify({ uploadId }), 'application/json; charset=utf-8');
    }

    const documentRoute = /^\/documents\/(\d{1,12})\/content$/.exec(url.pathname);
    if (documentRoute) {
      if (request.method !== 'GET') return send(response, 405, 'Use GET');
      const file = options.readDocument ? await options.readDocument(Number(documentRoute[1])) : null;
      if (!file) return send(response, 404, 'Not available');
      return sendDocument(response, file);
    }

    if (url.pathname === '/events') {
      if (request.method !== 'GET') return send(response, 405, 'Use GET');
      if (!options.subscribe) return send(response, 404, 'No event channel');
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      const unsubscribe = options.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepalive = setInterval(() => response.write(': keepalive\n\n'), EVENT_STREAM_KEEPALIVE_MS);
      keepalive.unref();
      request.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
      });
      return;
    }

    if (request.method !== 'GET') return send(response, 405, 'Method not allowed');
    let relative: string;
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      return send(response, 400, 'Malformed path');
    }
    const file = normalize(join(staticRoot, relative));
    if (!file.startsWith(staticRoot + sep) || !existsSync(file) || !statSync(file).isFile()) return send(response, 404, 'Not found');
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    origin,
    token,
    loginUrl: `${origin}/login?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

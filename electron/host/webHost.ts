import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiHandlers, ApiMethod } from '../../shared/api/contract';
import { dispatch } from '../services/dispatch';

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
// A whole company's bundle travels in one request.
const MAX_BODY = 512 * 1024 * 1024;

/**
 * Serves the built renderer and the API on 127.0.0.1 only. The API needs the per-run token (the
 * page reads it from its address), and every request must name 127.0.0.1 or localhost as Host,
 * so another web page cannot reach it even through DNS rebinding.
 */
export async function startWebHost(options: { services: ApiHandlers; rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('hex');
  const server = http.createServer((req, res) => {
    handle(req, res, { ...options, token, port: (server.address() as AddressInfo).port }).catch((error: unknown) => {
      send(res, 500, 'text/plain; charset=utf-8', String(error));
    });
  });
  // A busy port rejects (the caller may try another) instead of crashing the process.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Context = { services: ApiHandlers; rendererDir: string; token: string; port: number };

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context): Promise<void> {
  if (!hostAllowed(req.headers.host, ctx.port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`);
  if (url.pathname.startsWith('/api/')) return api(req, res, ctx, url.pathname.slice(5));
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  return serveFile(res, ctx.rendererDir, url.pathname);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

async function api(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context, method: string): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  if (!tokenMatches(req.headers['x-tkpi-token'], ctx.token)) return send(res, 401, 'text/plain; charset=utf-8', 'token required');
  const body = await readBody(req);
  if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'too large');
  let args: unknown;
  try {
    args = body.length ? (JSON.parse(body) as unknown) : {};
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'invalid JSON');
  }
  const result = await dispatch(ctx.services, method as ApiMethod, args);
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveFile(res: http.ServerResponse, root: string, pathname: string): void {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = path.join(root, relative);
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'the renderer is not built: run npm run build');
  send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiHandlers, ApiMethod } from '../../shared/api/contract';
import { dispatch } from '../services/dispatch';
import { SECURITY_HEADERS } from './securityHeaders';
import { staticFilePath } from './staticPath';

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
 * Idle keep-alive connections stay open longer than a browser keeps them (Chromium: 5 minutes),
 * so the browser always closes first. With Node's default of 5 s, a request the browser sent on
 * an idle connection just as the host closed it (likely while a bundle load held the event
 * loop) failed with ECONNRESET.
 */
const KEEP_ALIVE_MS = 10 * 60 * 1000;

/** The session cookie's name carries the port: cookies do not tell ports of one host apart. */
export function cookieName(port: number): string {
  return `tkpi-session-${port}`;
}

/**
 * Serves the built renderer and the API on 127.0.0.1 only. Every request must name 127.0.0.1 or
 * localhost as Host (so DNS rebinding cannot reach it). The API needs the per-run token: in the
 * X-TKPI-Token header (the window's development mode, tests), or in an HttpOnly, SameSite=Strict
 * cookie that the page receives when it is first opened with `?token=…`; the address is then
 * redirected without the token, so it never stays in the address bar, history or a Referer.
 */
export async function startWebHost(options: { services: ApiHandlers; rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('hex');
  const server = http.createServer((req, res) => {
    handle(req, res, { ...options, token, port: (server.address() as AddressInfo).port }).catch((error: unknown) => {
      console.error('TradeKPI web host:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A large bundle on a slow machine may take minutes to send and load.
  server.requestTimeout = 0;
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Context = { services: ApiHandlers; rendererDir: string; token: string; port: number };

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context): Promise<void> {
  if (!hostAllowed(req.headers.host, ctx.port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
  }
  if (url.pathname.startsWith('/api/')) return api(req, res, ctx, url.pathname.slice(5));
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  const given = url.searchParams.get('token');
  if (given !== null) return takeToken(res, ctx, url, given);
  return serveFile(res, ctx.rendererDir, url.pathname);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The value of one cookie of the request. */
function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The page opened with its token: the token becomes the session cookie, the address loses it. */
function takeToken(res: http.ServerResponse, ctx: Context, url: URL, given: string): void {
  url.searchParams.delete('token');
  const location = `${url.pathname}${url.search}${url.hash}`;
  const headers: Record<string, string> = { Location: location };
  if (tokenMatches(given, ctx.token)) headers['Set-Cookie'] = `${cookieName(ctx.port)}=${ctx.token}; Path=/; HttpOnly; SameSite=Strict`;
  res.writeHead(303, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('see other');
}

/**
 * The header token, or the session cookie on a request from the app's own page: a browser
 * sends Origin with every POST, and another page (even on another port of 127.0.0.1, which
 * counts as the same site for SameSite) has another origin.
 */
function authorised(req: http.IncomingMessage, ctx: Context): boolean {
  if (tokenMatches(req.headers['x-tkpi-token'], ctx.token)) return true;
  const origin = req.headers.origin;
  const ownOrigin = origin === `http://127.0.0.1:${ctx.port}` || origin === `http://localhost:${ctx.port}`;
  return ownOrigin && tokenMatches(cookie(req, cookieName(ctx.port)), ctx.token);
}

async function api(req: http.IncomingMessage, res: http.ServerResponse, ctx: Context, method: string): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  if (!authorised(req, ctx)) return send(res, 401, 'text/plain; charset=utf-8', 'token required');
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

/** A file of the renderer; any other path is the page itself (the app has no routes). */
function serveFile(res: http.ServerResponse, root: string, pathname: string): void {
  const named = staticFilePath(root, pathname);
  if (named === null) return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
  const file = fs.existsSync(named) && fs.statSync(named).isFile() ? named : path.join(root, 'index.html');
  if (!fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'the renderer is not built: run npm run build');
  send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

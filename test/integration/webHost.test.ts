import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppData, type AppData } from '../../electron/host/dataFolder';
import { startWebHost, type WebHost } from '../../electron/host/webHost';
import { tempDir } from '../helpers';

/** A raw request, so the Host header can be anything. */
function request(
  port: number,
  options: { path: string; method?: string; host?: string; token?: string; body?: string; headers?: Record<string, string>; agent?: http.Agent },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: {
          Host: options.host ?? `127.0.0.1:${port}`,
          ...(options.token ? { 'X-TKPI-Token': options.token } : {}),
          'Content-Type': 'application/json',
          ...options.headers,
        },
        agent: options.agent,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, reusedSocket: req.reusedSocket }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the local web host', () => {
  let data: AppData;
  let host: WebHost;
  beforeAll(async () => {
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<html>TradeKPI page</html>');
    data = await openAppData(tempDir());
    host = await startWebHost({ services: data.services, rendererDir: renderer });
  });
  afterAll(async () => {
    await host.close();
    data.db.close();
  });

  it('listens on 127.0.0.1 and gives the page its token in the address', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('serves the page and answers API calls that carry the token', async () => {
    expect((await request(host.port, { path: '/' })).body).toContain('TradeKPI page');
    const created = await request(host.port, {
      path: '/api/salespeople.create',
      method: 'POST',
      token: host.token,
      body: JSON.stringify({ id: 'S1', name: '张三' }),
    });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { id: 'S1' } });
    const bad = await request(host.port, {
      path: '/api/salespeople.create',
      method: 'POST',
      token: host.token,
      body: JSON.stringify({ id: 'S 2', name: 'x' }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { field: 'id' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await request(host.port, { path: '/api/salespeople.list', method: 'POST', body: '{}' })).status).toBe(401);
    expect((await request(host.port, { path: '/api/salespeople.list', method: 'POST', token: 'x'.repeat(48), body: '{}' })).status).toBe(401);
  });

  it('refuses any Host but 127.0.0.1 or localhost (DNS rebinding)', async () => {
    expect((await request(host.port, { path: '/', host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await request(host.port, { path: '/api/salespeople.list', method: 'POST', host: 'evil.example', token: host.token, body: '{}' })).status).toBe(403);
    expect((await request(host.port, { path: '/', host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await request(host.port, { path: '/../../../../etc/passwd' });
    expect(response.body).not.toContain('root:');
  });

  it('answers a malformed escape with 400, not a 500 URIError', async () => {
    const response = await request(host.port, { path: '/%E0%A4%A' });
    expect(response.status).toBe(400);
    expect(response.body).not.toMatch(/URIError/);
  });

  it('sends a CSP header that forbids framing, and no referrer', async () => {
    for (const path of ['/', '/api/salespeople.list']) {
      const response = await request(host.port, { path, method: path === '/' ? 'GET' : 'POST', token: host.token, body: path === '/' ? undefined : '{}' });
      expect(response.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['content-security-policy'], path).toMatch(/default-src 'self'/);
      expect(response.headers['referrer-policy'], path).toBe('no-referrer');
      expect(response.headers['x-frame-options'], path).toBe('DENY');
    }
  });

  it('moves the token from the address into an HttpOnly, SameSite=Strict cookie of this port', async () => {
    const opened = await request(host.port, { path: `/?token=${host.token}` });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const cookie = opened.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^tkpi-session-${host.port}=${host.token}; Path=/; HttpOnly; SameSite=Strict$`));
    const session = cookie.split(';')[0]!;
    const origin = `http://127.0.0.1:${host.port}`;
    const call = await request(host.port, { path: '/api/salespeople.list', method: 'POST', body: '{}', headers: { Cookie: session, Origin: origin } });
    expect(JSON.parse(call.body)).toMatchObject({ ok: true });
    // The cookie alone, from another origin (another port of 127.0.0.1 is the same site), is refused.
    expect(
      (await request(host.port, { path: '/api/salespeople.list', method: 'POST', body: '{}', headers: { Cookie: session, Origin: 'http://127.0.0.1:9' } }))
        .status,
    ).toBe(401);
    expect((await request(host.port, { path: '/api/salespeople.list', method: 'POST', body: '{}', headers: { Cookie: session } })).status).toBe(401);
    // A wrong token in the address sets no cookie.
    const wrong = await request(host.port, { path: `/?token=${'0'.repeat(48)}` });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('keeps an idle keep-alive connection open past the 5 s default, so a request sent on it is not reset', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await request(host.port, { path: '/', agent });
    expect(first.status).toBe(200);
    // Node's default keepAliveTimeout (5 s) closed the socket here; a request racing that close
    // (a browser's, while a bundle load blocked the host) failed with ECONNRESET.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const second = await request(host.port, { path: '/', agent });
    expect(second.status).toBe(200);
    expect(second.reusedSocket).toBe(true);
    agent.destroy();
  }, 15_000);
});

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppData, type AppData } from '../../electron/host/dataFolder';
import { startWebHost, type WebHost } from '../../electron/host/webHost';
import { tempDir } from '../helpers';

/** A raw request, so the Host header can be anything. */
function request(port: number, options: { path: string; method?: string; host?: string; token?: string; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...(options.token ? { 'X-TKPI-Token': options.token } : {}), 'Content-Type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
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
    const created = await request(host.port, { path: '/api/salespeople.create', method: 'POST', token: host.token, body: JSON.stringify({ id: 'S1', name: '张三' }) });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { id: 'S1' } });
    const bad = await request(host.port, { path: '/api/salespeople.create', method: 'POST', token: host.token, body: JSON.stringify({ id: 'S 2', name: 'x' }) });
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
});

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeData, openAppData } from '../../electron/host/dataFolder';
import { startWebHost } from '../../electron/host/webHost';
import { createApi } from '../../electron/services';
import { GOLDEN, ROOT, readJson, tempDir } from '../helpers';
import { CHROMIUM, hasChromium, openSession, type Session } from './browser';

describe.skipIf(!hasChromium)('the page and its session', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => session?.close());

  it('has no token in its address, cannot read it from script, and still reaches the API', async () => {
    const { page, host } = session;
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`);
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).not.toContain(host.token);
    await page.reload();
    await page.getByTestId('nav-home').waitFor();
    const answer = await page.evaluate(async () => (await fetch('./api/salespeople.list', { method: 'POST', body: '{}' })).json());
    expect(answer).toEqual({ ok: true, value: [] });
  });
});

describe.skipIf(!hasChromium)('a damaged data file at start', () => {
  it('opens on a screen that says what happened and restores the newest good backup', async () => {
    const folder = tempDir();
    const first = await openAppData(folder);
    expect((await createApi(first.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) })).ok).toBe(true);
    first.db.close();
    (await openAppData(folder)).db.close();
    const bytes = fs.readFileSync(first.file);
    for (let p = 2; p * 4096 < bytes.length; p += 3) bytes.fill(0x5a, p * 4096 + 8, p * 4096 + 600);
    fs.writeFileSync(first.file, bytes);

    const data = await openAppData(folder);
    expect(data.damage?.reason).toBe('corrupt');
    const host = await startWebHost({ services: data.services, rendererDir: path.join(ROOT, 'dist/renderer') });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await page.goto(host.url);
      const screen = page.getByTestId('damaged-database');
      await screen.waitFor();
      await expect(screen.textContent()).resolves.toMatch(/数据文件无法使用[\s\S]*tradekpi\.db 已损坏[\s\S]*最新的完好备份：tradekpi-/);
      await page.getByTestId('restore-newest').click();
      await page.getByTestId('nav-home').waitFor();
      expect(data.damage).toBeNull();
      const people = await createApi(data.services)['salespeople.list']({});
      expect(people.ok && people.value).toHaveLength(6);
    } finally {
      await browser.close();
      await host.close();
      closeData(data);
    }
  }, 60_000);
});

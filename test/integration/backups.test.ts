import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppData } from '../../electron/host/dataFolder';
import { createApi } from '../../electron/services';
import { BACKUPS_KEPT, createBackup, listBackups } from '../../electron/services/backupService';
import { startWebHost } from '../../electron/host/webHost';
import { GOLDEN, readJson, tempDir } from '../helpers';

describe('backups', () => {
  it('backs up at every start and keeps the last ten', async () => {
    const folder = tempDir();
    (await openAppData(folder)).db.close();
    expect(listBackups(path.join(folder, 'backups'))).toHaveLength(1);
    const data = await openAppData(folder);
    for (let i = 0; i < 12; i++) await createBackup(data.db, data.backupDir, new Date(2026, 0, 1, 0, 0, i));
    expect(listBackups(data.backupDir)).toHaveLength(BACKUPS_KEPT);
    data.db.close();
  });

  it('restores a backup into the open database and logs it', async () => {
    const data = await openAppData(tempDir());
    const api = createApi(data.services);
    await api['salespeople.create']({ id: 'S1', name: '张三' });
    const backup = await api['backups.create']({});
    if (!backup.ok) throw new Error(backup.error.message);
    await api['salespeople.create']({ id: 'S2', name: '李四' });
    await api['salespeople.delete']({ id: 'S1' });
    expect(await api['backups.restore']({ name: backup.value.name })).toEqual({ ok: true, value: null });
    const people = await api['salespeople.list']({});
    expect(people.ok && people.value.map((p) => p.id)).toEqual(['S1']);
    const audit = await api['audit.list']({});
    expect(audit.ok && audit.value.rows[0]?.action).toBe('backups.restore');
    data.db.close();
  });

  it('refuses a name that is not one of its backups', async () => {
    const data = await openAppData(tempDir());
    const result = await createApi(data.services)['backups.restore']({ name: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'backup.missing' } });
    expect(fs.existsSync(data.file)).toBe(true);
    data.db.close();
  });
});

/** A data folder holding the golden case, closed, with its start backup. */
async function goldenFolder(): Promise<{ folder: string; file: string; backupDir: string }> {
  const folder = tempDir();
  const data = await openAppData(folder);
  const loaded = await createApi(data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) });
  expect(loaded.ok).toBe(true);
  data.db.close();
  // The next start backs up the loaded data.
  (await openAppData(folder)).db.close();
  return { folder, file: data.file, backupDir: data.backupDir };
}

/** Every backup's name and bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

describe('restoring a backup', () => {
  it('restores the oldest of ten backups without rotating it away', async () => {
    const data = await openAppData(tempDir());
    const api = createApi(data.services);
    await api['salespeople.create']({ id: 'S1', name: '张三' });
    for (let i = 0; i < BACKUPS_KEPT; i++) await createBackup(data.db, data.backupDir, new Date(2020, 0, 1, 0, 0, i));
    await api['salespeople.create']({ id: 'S2', name: '李四' });
    expect(listBackups(data.backupDir)).toHaveLength(BACKUPS_KEPT);
    const oldest = listBackups(data.backupDir).at(-1)!;
    expect(oldest.name).toMatch(/^tradekpi-20200101-/);
    const restored = await api['backups.restore']({ name: oldest.name });
    expect(restored).toEqual({ ok: true, value: null });
    const people = await api['salespeople.list']({});
    expect(people.ok && people.value.map((p) => p.id)).toEqual(['S1']);
    expect(listBackups(data.backupDir).map((b) => b.name)).toContain(oldest.name);
    expect(fs.readdirSync(data.backupDir).filter((n) => n.startsWith('restore-'))).toEqual([]);
    data.db.close();
  });

  it('a failed restore leaves the data, the backups and no temporary file behind', async () => {
    const data = await openAppData(tempDir());
    const api = createApi(data.services);
    await api['salespeople.create']({ id: 'S1', name: '张三' });
    for (let i = 0; i < BACKUPS_KEPT; i++) await createBackup(data.db, data.backupDir, new Date(2020, 0, 1, 0, 0, i));
    const oldest = listBackups(data.backupDir).at(-1)!.name;
    // A backup damaged on disk: its pages after the header are overwritten.
    const bad = path.join(data.backupDir, oldest);
    const bytes = fs.readFileSync(bad);
    bytes.fill(0xa5, 100);
    fs.writeFileSync(bad, bytes);
    const before = snapshot(data.backupDir);
    const result = await api['backups.restore']({ name: oldest });
    expect(result).toMatchObject({ ok: false, error: { code: 'backup.damaged' } });
    expect(!result.ok && result.error.message).toContain(oldest);
    expect(snapshot(data.backupDir)).toEqual(before);
    const people = await api['salespeople.list']({});
    expect(people.ok && people.value.map((p) => p.id)).toEqual(['S1']);
    data.db.close();
  });
});

describe('a damaged data file at start', () => {
  /** Overwrites pages in the middle of the file, as a failing disk would. */
  function corruptPages(file: string): void {
    const bytes = fs.readFileSync(file);
    const page = 4096;
    const pages = Math.floor(bytes.length / page);
    expect(pages).toBeGreaterThan(8);
    for (let p = 2; p < pages; p += 3) bytes.fill(0x5a, p * page + 8, p * page + 600);
    fs.writeFileSync(file, bytes);
  }

  it('a page-corrupted file neither backs up nor rotates, and the start screen restores the newest good backup', async () => {
    const { folder, file, backupDir } = await goldenFolder();
    const good = listBackups(backupDir);
    corruptPages(file);
    const before = snapshot(backupDir);
    for (let start = 0; start < 10; start++) {
      const data = await openAppData(folder);
      expect(data.damage?.reason, `start ${start}`).toBe('corrupt');
      const list = await createApi(data.services)['salespeople.list']({});
      expect(list).toMatchObject({ ok: false, error: { code: 'db.damaged' } });
    }
    expect(snapshot(backupDir)).toEqual(before);
    const data = await openAppData(folder);
    const api = createApi(data.services);
    const status = await api['startup.status']({});
    expect(status.ok && status.value.damage?.message).toMatch(/tradekpi\.db 已损坏/);
    expect(status.ok && status.value.newestGood).toBe(good[0]!.name);
    expect(await api['startup.restore']({ name: good[0]!.name })).toEqual({ ok: true, value: null });
    const people = await api['salespeople.list']({});
    expect(people.ok && people.value).toHaveLength(6);
    expect(data.damage).toBeNull();
    expect((await api['startup.status']({})).ok && data.damage).toBeNull();
    // The damaged file is kept beside the data file, not among the backups.
    expect(fs.readdirSync(folder).filter((n) => /^tradekpi-damaged-.*\.db$/.test(n))).toHaveLength(1);
    expect(snapshot(backupDir)).toEqual(before);
    data.db.close();
  });

  it('a 0-byte file where backups exist is reported as emptied, and starts change no backup', async () => {
    const { folder, file, backupDir } = await goldenFolder();
    fs.writeFileSync(file, '');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const before = snapshot(backupDir);
    for (let start = 0; start < 3; start++) expect((await openAppData(folder)).damage?.reason).toBe('empty');
    expect(snapshot(backupDir)).toEqual(before);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('the web host serves the damage report to the start screen', async () => {
    const { folder, file } = await goldenFolder();
    corruptPages(file);
    const data = await openAppData(folder);
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<html></html>');
    const host = await startWebHost({ services: data.services, rendererDir: renderer });
    const response = await fetch(`http://127.0.0.1:${host.port}/api/startup.status`, { method: 'POST', headers: { 'X-TKPI-Token': host.token }, body: '{}' });
    const body = (await response.json()) as { ok: boolean; value: { damage: { reason: string } } };
    expect(body).toMatchObject({ ok: true, value: { damage: { reason: 'corrupt' } } });
    await host.close();
  });
});

describe('which backups are kept', () => {
  it('does not copy an unchanged database again at every start', async () => {
    const folder = tempDir();
    // The first start backs up the new file, the second the file as the first session left it.
    (await openAppData(folder)).db.close();
    (await openAppData(folder)).db.close();
    const first = listBackups(path.join(folder, 'backups')).length;
    for (let start = 0; start < 5; start++) (await openAppData(folder)).db.close();
    expect(listBackups(path.join(folder, 'backups'))).toHaveLength(first);
    const data = await openAppData(folder);
    await createApi(data.services)['salespeople.create']({ id: 'S1', name: '张三' });
    data.db.close();
    (await openAppData(folder)).db.close();
    expect(listBackups(path.join(folder, 'backups'))).toHaveLength(first + 1);
  });

  it('keeps the last ten plus the newest of each month for a year', async () => {
    const data = await openAppData(tempDir());
    // Two backups a month for two years, then rotation as of 2026-06-30.
    for (let m = 0; m < 24; m++) for (const day of [3, 20]) await createBackup(data.db, data.backupDir, new Date(2024, 6 + m, day), { rotate: false });
    await createBackup(data.db, data.backupDir, new Date(2026, 5, 30));
    const kept = listBackups(data.backupDir)
      .map((b) => b.name.slice(9, 17))
      .filter((d) => d < '20261101');
    // Ten newest: 2026-06-30 back to 2026-02-03; then 2026-01-20 and each month's 20th back to 2025-07.
    expect(kept).toEqual([
      '20260630',
      '20260620',
      '20260603',
      '20260520',
      '20260503',
      '20260420',
      '20260403',
      '20260320',
      '20260303',
      '20260220',
      '20260120',
      '20251220',
      '20251120',
      '20251020',
      '20250920',
      '20250820',
      '20250720',
    ]);
    data.db.close();
  });
});

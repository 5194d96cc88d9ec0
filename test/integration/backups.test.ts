import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppData } from '../../electron/host/dataFolder';
import { createApi } from '../../electron/services';
import { BACKUPS_KEPT, createBackup, listBackups } from '../../electron/services/backupService';
import { tempDir } from '../helpers';

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

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN, ROOT, tempDir, tkpi } from '../helpers';

const Q = '2026Q3';

/** `tkpi export-forms` killed (SIGKILL) halfway through writing its Nth workbook. */
function killedExport(args: string[], crashAt: number): { out: string; signal: NodeJS.Signals | null } {
  const dir = tempDir();
  const db = path.join(dir, 'golden.db');
  expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
  const out = path.join(dir, 'out');
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(ROOT, 'test/support/crashOnWrite.mjs'),
      path.join(ROOT, 'bin/tkpi.js'),
      'export-forms',
      '--db',
      db,
      '--quarter',
      Q,
      '--out',
      out,
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TKPI_CRASH_AT_WORKBOOK: String(crashAt) },
      encoding: 'utf8',
    },
  );
  return { out, signal: result.signal };
}

/** What a user sees in the folder: everything but hidden (dot) names. */
function visible(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
    : [];
}

describe('export-forms killed midway', () => {
  it('leaves no workbook under its final name', () => {
    const { out, signal } = killedExport([], 1);
    expect(signal).toBe('SIGKILL');
    expect(visible(out)).toEqual([]);
  });

  it('a per-person export killed at the fourth of six workbooks leaves no file or folder under a final name', () => {
    const { out, signal } = killedExport(['--per-person'], 4);
    expect(signal).toBe('SIGKILL');
    expect(visible(out)).toEqual([]);
  });

  it('a complete per-person export is a fresh folder; a second one does not touch the first', () => {
    const dir = tempDir();
    const db = path.join(dir, 'golden.db');
    expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
    expect(tkpi('export-forms', '--db', db, '--quarter', Q, '--out', dir, '--per-person').status).toBe(0);
    expect(tkpi('export-forms', '--db', db, '--quarter', Q, '--out', dir, '--per-person').status).toBe(0);
    expect(fs.readdirSync(path.join(dir, `绩效考核表-${Q}`))).toHaveLength(6);
    expect(fs.readdirSync(path.join(dir, `绩效考核表-${Q} (2)`))).toHaveLength(6);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

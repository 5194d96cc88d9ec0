import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { importSelfReview } from '../../electron/forms/selfReviewImport';
import { importStatement } from '../../electron/services/bankImport/importService';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../helpers';

/*
 * Issue 9.6: a small .xlsx that inflates to hundreds of MB must be refused, naming the file,
 * within a second and without the memory it claims — as a statement and as a filled form.
 */

type Part = { name: string; chunks: () => Iterable<Buffer> };

/** Writes a zip by hand, deflating each part as it streams, so a bomb never exists inflated. */
function zip(parts: Part[], lie = false): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    for (const chunk of part.chunks()) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      compressed.push(zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    compressed.push(Buffer.from([0x03, 0x00])); // an empty final block ends the deflate stream
    const data = Buffer.concat(compressed);
    const declared = lie ? Math.min(size, 1000) : size;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    out.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}

/** The parts of a real one-sheet workbook, with its sheet replaced by `sheet`. */
async function workbookWith(sheet: Part, base?: Buffer): Promise<Part[]> {
  let bytes = base;
  if (!bytes) {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['交易日期', '金额']);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const source = await JSZip.loadAsync(bytes);
  const parts: Part[] = [];
  for (const name of Object.keys(source.files).filter((n) => !source.files[n]?.dir)) {
    if (name === sheet.name) continue;
    const content = Buffer.from(await (source.file(name) as JSZip.JSZipObject).async('uint8array'));
    parts.push({ name, chunks: () => [content] });
  }
  return [...parts, sheet];
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet of `megabytes` MB of identical rows (it deflates about 1000:1). */
function bombSheet(megabytes: number, dimension = '<dimension ref="A1:B2"/>'): Part {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>';
  const block = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  return {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      yield Buffer.from(`${HEAD}${dimension}<sheetData>`);
      for (let i = 0; i < megabytes; i++) yield block;
      yield Buffer.from('</sheetData></worksheet>');
    },
  };
}

/** A sheet with `rows` numbered rows of a date and an amount. */
function longSheet(rows: number, dimension: boolean): Part {
  return {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      yield Buffer.from(`${HEAD}${dimension ? `<dimension ref="A1:B${rows}"/>` : ''}<sheetData>`);
      const lines: string[] = [];
      for (let r = 1; r <= rows; r++) {
        lines.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>2026-07-01</t></is></c><c r="B${r}"><v>${r}</v></c></row>`);
        if (lines.length === 10_000) yield Buffer.from(lines.splice(0).join(''));
      }
      yield Buffer.from(`${lines.join('')}</sheetData></worksheet>`);
    },
  };
}

function goldenDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'hostile.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

/** What it cost to refuse: wall time and growth of the process's peak RSS. */
async function refusal(work: () => Promise<unknown>): Promise<{ error: unknown; ms: number; peakGrowthMb: number }> {
  const peak = process.resourceUsage().maxRSS;
  const started = performance.now();
  let error: unknown = null;
  try {
    await work();
  } catch (e) {
    error = e;
  }
  return { error, ms: performance.now() - started, peakGrowthMb: (process.resourceUsage().maxRSS - peak) / 1024 };
}

const counts = (db: WriteDb) => db.prepare('SELECT (SELECT COUNT(*) FROM receipts) AS receipts, (SELECT COUNT(*) FROM import_batches) AS batches').get();

describe('hostile .xlsx files (issue 9.6)', () => {
  it('refuses a statement that inflates to 450 MB, naming it, fast and small, storing nothing', async () => {
    const bytes = zip(await workbookWith(bombSheet(450)));
    expect(bytes.length, 'the bomb is small on disk').toBeLessThan(3 * 1024 * 1024);
    const db = goldenDb();
    const before = counts(db);
    const { error, ms, peakGrowthMb } = await refusal(() => importStatement(db, bytes, '流水炸弹.xlsx'));
    expect(error, 'refused as a DomainError').toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('file.inflatesTooLarge');
    expect((error as DomainError).message).toContain('流水炸弹.xlsx');
    expect(ms, 'refused within a second').toBeLessThan(1000);
    expect(peakGrowthMb, 'peak memory growth while refusing (MB)').toBeLessThan(300);
    expect(counts(db), 'nothing stored').toEqual(before);
  });

  it('refuses a bomb whose zip directory lies about its size once it inflates past the claim', async () => {
    const bytes = zip(await workbookWith(bombSheet(450)), true);
    const db = goldenDb();
    const { error, ms, peakGrowthMb } = await refusal(() => importStatement(db, bytes, 'lying.xlsx'));
    expect((error as DomainError).code, String(error)).toBe('file.inflatesTooLarge');
    expect(ms, 'refused within a second').toBeLessThan(1000);
    expect(peakGrowthMb, 'peak memory growth while refusing (MB)').toBeLessThan(300);
    expect(counts(db)).toEqual({ receipts: 0, batches: 0 });
  });

  it('refuses a sheet declaring more rows than a statement may have, before reading them', async () => {
    const bytes = zip(await workbookWith(longSheet(200_031, true)));
    const { error, ms } = await refusal(() => importStatement(goldenDb(), bytes, 'long.xlsx'));
    expect((error as DomainError).code, String(error)).toBe('file.tooManyRows');
    expect((error as DomainError).message).toContain('long.xlsx');
    expect(ms, 'refused within a second').toBeLessThan(1000);
  });

  it('stops reading a sheet without a dimension at the row past the limit', async () => {
    const bytes = zip(await workbookWith(longSheet(200_031, false)));
    const db = goldenDb();
    const { error } = await refusal(() => importStatement(db, bytes, 'undeclared.xlsx'));
    expect((error as DomainError).code, String(error)).toBe('bank.tooManyRows');
    expect((error as DomainError).message).toContain('undeclared.xlsx');
    expect(counts(db)).toEqual({ receipts: 0, batches: 0 });
  });

  it('refuses a self-review form that inflates to 450 MB, naming it, fast and small', async () => {
    const db = goldenDb();
    const bytes = zip(await workbookWith(bombSheet(450)));
    const audits = () => db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'forms.importSelfReview'").get();
    const before = audits();
    const { error, ms, peakGrowthMb } = await refusal(() => importSelfReview(db, bytes, '自评表.xlsx'));
    expect((error as DomainError).code, String(error)).toBe('file.inflatesTooLarge');
    expect((error as DomainError).message).toContain('自评表.xlsx');
    expect(ms, 'refused within a second').toBeLessThan(1000);
    expect(peakGrowthMb, 'peak memory growth while refusing (MB)').toBeLessThan(300);
    expect(audits(), 'nothing recorded').toEqual(before);
  });

  it('refuses a form whose directory lies, without inflating past the claim', async () => {
    const bytes = zip(await workbookWith(bombSheet(450)), true);
    const { error, ms, peakGrowthMb } = await refusal(() => importSelfReview(goldenDb(), bytes, 'lying-form.xlsx'));
    expect((error as DomainError).code, String(error)).toBe('file.inflatesTooLarge');
    expect(ms, 'refused within a second').toBeLessThan(1000);
    expect(peakGrowthMb, 'peak memory growth while refusing (MB)').toBeLessThan(300);
  });
});

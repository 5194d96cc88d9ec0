import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalFigures, figuresOfRow } from '../../shared/workflow/formFigures';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { exportForms } from '../../electron/forms/formsService';
import type { FormMap } from '../../electron/forms/formSheet';
import { KEY_SHEET } from '../../electron/forms/formWorkbook';
import { importSelfReview } from '../../electron/forms/selfReviewImport';
import { createApi, createServices } from '../../electron/services';
import { GOLDEN, goldenExpected, readJson, tempDir, tkpi } from '../helpers';

const Q = '2026Q3';
const expected = goldenExpected();
const SELF =
  '本季度我重点跟进了老客户的回款，结汇额超过目标，同时开发了一个新客户。单证方面出现两次差错，下季度我会在制单后增加一次复核，并参加公司的单证培训，争取把差错率降到基准以下。另外我会整理客户档案，提前确认信用证条款，避免不符点。';

function goldenDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'forms.db'), { create: true });
  const result = createServices(db)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) });
  expect(result).toMatchObject({ salespeople: 6 });
  return db;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

type Key = { sheet: string; salesperson: string; map: FormMap };
function keys(wb: ExcelJS.Workbook): Key[] {
  const out: Key[] = [];
  wb.getWorksheet(KEY_SHEET)?.eachRow((row, n) => {
    if (n > 1)
      out.push({ sheet: String(row.getCell(1).value), salesperson: String(row.getCell(2).value), map: JSON.parse(String(row.getCell(5).value)) as FormMap });
  });
  return out;
}

/** A cell's value, or a formula's cached result. */
function valueOf(cell: ExcelJS.Cell): unknown {
  // cell.value loses a cached result of 0 (an exceljs quirk); cell.result keeps it.
  return cell.formula ? cell.result : cell.value;
}
const fixed = (v: unknown) => Number(v).toFixed(2);

describe('the quarter workbook of the golden case', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    const [file] = await exportForms(goldenDb(), Q, false);
    bytes = file!.bytes;
    wb = await workbook(bytes);
  });

  it('has 汇总, one sheet per person, their 提成对账单 and a very hidden key sheet', () => {
    const people = ['S01 江霞', 'S02 秦欣怡', 'S03 孟敏', 'S04 朱霞', 'S05 钱娜', 'S06 郝秀英'];
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', ...people, ...people.map((p) => `提成 ${p}`), KEY_SHEET]);
    expect(wb.getWorksheet(KEY_SHEET)?.state).toBe('veryHidden');
  });

  it('shows every figure of expected.json, with weighted and total cells as formulas whose cached values are right', () => {
    // An empty key sheet would leave the loop nothing to check.
    expect(
      keys(wb).map((k) => k.salesperson),
      'forms listed on the key sheet',
    ).toEqual(expected.rows.map((r) => r.salesperson));
    for (const key of keys(wb)) {
      const sheet = wb.getWorksheet(key.sheet)!;
      const row = expected.rows.find((r) => r.salesperson === key.salesperson)!;
      const at = (name: string) => sheet.getCell(key.map.figures[name]!);
      expect(fixed(valueOf(at('weighted')))).toBe(row.weightedScore);
      expect(fixed(valueOf(at('adjustments')))).toBe(row.adjustments);
      expect(fixed(valueOf(at('total')))).toBe(row.total);
      expect(valueOf(at('grade'))).toBe(row.finalGrade);
      expect(String(valueOf(at('coefficient')))).toBe(row.coefficient);
      expect(fixed(valueOf(at('performancePay')))).toBe(row.performancePay);
      expect(fixed(valueOf(at('commission')))).toBe(row.commission.total);
      row.indicators.forEach((indicator, k) => {
        expect(String(valueOf(at(`indicator${k}.weight`)))).toBe(indicator.weight);
        expect(indicator.score === null ? valueOf(at(`indicator${k}.score`)) : fixed(valueOf(at(`indicator${k}.score`)))).toBe(indicator.score);
      });
      for (const name of ['weighted', 'adjustments', 'performancePay', 'commission']) expect(at(name).formula, `${key.sheet} ${name}`).toBeTruthy();
      expect(at('weighted').formula).toMatch(/^ROUND\(SUMPRODUCT\(/);
    }
  });

  it('prints each form on A4 portrait, one page wide, with repeated title rows and page numbers', () => {
    const sheet = wb.getWorksheet('S01 江霞')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:2',
    });
    expect(sheet.properties.defaultRowHeight, 'row height of a form').toBe(18);
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    expect(sheet.getCell('A1').font?.name).toBe('宋体');
    expect(wb.getWorksheet('汇总')?.pageSetup, '汇总').toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      horizontalCentered: true,
      printTitlesRow: '1:3',
    });
    expect(wb.getWorksheet('提成 S01 江霞')?.pageSetup, 'the 提成对账单').toMatchObject({
      orientation: 'portrait',
      fitToPage: true,
      horizontalCentered: true,
      printTitlesRow: '1:2',
    });
  });

  it('has the signature and date lines of 被考核人, 考核人 and 审定人, and ruled areas to fill', () => {
    expect(keys(wb).length, 'forms listed on the key sheet').toBe(6);
    for (const key of keys(wb)) {
      const texts: string[] = [];
      // A merged range reports its value on every cell; count each range once.
      wb.getWorksheet(key.sheet)!.eachRow((row) => row.eachCell((cell) => cell.master === cell && texts.push(String(cell.value ?? ''))));
      for (const label of ['被考核人签字', '考核人签字', '审定人签字', '自我评价', '面谈记录', '审定意见', '面谈时间', '面谈地点', '面谈时长']) {
        expect(
          texts.some((t) => t.includes(label)),
          `${key.sheet} ${label}`,
        ).toBe(true);
      }
      expect(texts.filter((t) => t.startsWith('日期：'))).toHaveLength(3);
    }
  });

  it('sums everyone on 汇总', () => {
    const sheet = wb.getWorksheet('汇总')!;
    expected.rows.forEach((row, k) => {
      expect(sheet.getCell(`B${4 + k}`).value).toBe(row.salesperson);
      expect(fixed(valueOf(sheet.getCell(`H${4 + k}`)))).toBe(row.performancePay);
      expect(fixed(valueOf(sheet.getCell(`I${4 + k}`)))).toBe(row.commission.total);
    });
    expect(sheet.getCell('I10').formula).toBe('SUM(I4:I9)');
    expect(fixed(valueOf(sheet.getCell('I10')))).toBe('215054.57');
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  it.skipIf(!soffice || !fs.existsSync('/usr/bin/pdfinfo') || !fs.existsSync('/usr/bin/pdftotext'))(
    'converts with LibreOffice to a PDF with each form on one A4 portrait page',
    () => {
      const dir = tempDir();
      const xlsx = path.join(dir, 'forms.xlsx');
      fs.writeFileSync(xlsx, bytes);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, xlsx], {
        stdio: 'ignore',
        timeout: 180_000,
      });
      const pdf = path.join(dir, 'forms.pdf');
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '7', pdf], { encoding: 'utf8' });
      // 汇总 (landscape), then the six forms, then the 提成对账单 sheets (as long as their receipts).
      const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${Math.round(Number(m[2]))}x${Math.round(Number(m[3]))}`);
      expect(sizes.slice(1), 'pages 2–7 (A4 portrait is 595x842)').toEqual(Array(6).fill('595x842'));
      // Each form is whole on its own page: page 2 + k holds person k's name and the last signature line.
      const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
      expected.rows.forEach((row, k) => {
        const text = pageText(2 + k);
        expect(text, `page ${2 + k}`).toContain(row.name);
        expect(text, `page ${2 + k} (${row.name}) ends with the approver's signature`).toContain('审定人签字');
      });
      expect(pageText(8), 'page 8 is the first 提成对账单, not the rest of a form').not.toContain('审定人签字');
    },
  );
});

describe('the way back: a self-evaluation written on the form', () => {
  async function personForm(db: WriteDb, salesperson: string): Promise<{ wb: ExcelJS.Workbook; key: Key }> {
    const files = await exportForms(db, Q, true);
    const file = files.find((f) => f.fileName.includes(salesperson))!;
    const wb = await workbook(file.bytes);
    return { wb, key: keys(wb)[0]! };
  }
  const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

  async function confirmed(): Promise<WriteDb> {
    const db = goldenDb();
    const api = createApi(createServices(db));
    for (const id of ['S01', 'S02']) expect((await api['workflow.confirmTargets']({ salesperson: id, quarter: Q, by: '王经理' })).ok).toBe(true);
    return db;
  }

  it('records the self-evaluation and manual self scores for the right person and quarter', async () => {
    const db = await confirmed();
    const { wb, key } = await personForm(db, 'S02');
    const sheet = wb.getWorksheet(key.sheet)!;
    sheet.getCell(`A${key.map.selfRows[0]}`).value = SELF.slice(0, 60);
    sheet.getCell(`A${key.map.selfRows[0] + 1}`).value = SELF.slice(60);
    sheet.getCell(key.map.selfScores.peer_review!).value = 88;
    const record = await importSelfReview(db, await save(wb), 'filled.xlsx', Q);
    expect(record).toMatchObject({ salesperson: 'S02', quarter: Q, stage: 'self', steps: { self: { by: '秦欣怡', scores: { peer_review: '88' } } } });
    expect(record.steps.self?.text.replace(/\n/g, '')).toBe(SELF);
  });

  it('refuses a form of another quarter', async () => {
    const db = await confirmed();
    const { wb, key } = await personForm(db, 'S01');
    wb.getWorksheet(key.sheet)!.getCell(`A${key.map.selfRows[0]}`).value = SELF;
    await expect(importSelfReview(db, await save(wb), 'f.xlsx', '2026Q4')).rejects.toThrow('这张表是 2026Q3 的，不是 2026Q4 的');
  });

  it('refuses a form whose figures were altered', async () => {
    const db = await confirmed();
    const { wb, key } = await personForm(db, 'S01');
    const sheet = wb.getWorksheet(key.sheet)!;
    sheet.getCell(`A${key.map.selfRows[0]}`).value = SELF;
    sheet.getCell(key.map.figures['indicator1.score']!).value = 100;
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
  });

  it('refuses a form of an archived appraisal', async () => {
    const db = await confirmed();
    const { wb, key } = await personForm(db, 'S01');
    wb.getWorksheet(key.sheet)!.getCell(`A${key.map.selfRows[0]}`).value = SELF;
    db.prepare("UPDATE appraisals SET stage = 'archived' WHERE salesperson_id = 'S01'").run();
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('江霞（S01）2026Q3 的考核已归档');
  });

  it('through the command line: export-forms --per-person, then import-self-review', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json'));
    const exported = tkpi('export-forms', '--db', db, '--quarter', Q, '--out', dir, '--per-person');
    expect(exported.status, exported.stderr).toBe(0);
    const file = path.join(dir, `绩效考核表-${Q}`, `绩效考核表-${Q}-S01-江霞.xlsx`);
    const wb = await workbook(fs.readFileSync(file));
    const key = keys(wb)[0]!;
    wb.getWorksheet(key.sheet)!.getCell(`A${key.map.selfRows[0]}`).value = SELF;
    fs.writeFileSync(file, await save(wb));
    const early = tkpi('import-self-review', '--db', db, file);
    expect(early.status).toBe(2);
    expect(early.stderr.trim().split('\n')).toHaveLength(1);
    expect(early.stderr).toMatch(/江霞（S01）2026Q3 还没有完成“目标设定”这一步/);
  });
});

describe('a form whose hidden sheet was edited', () => {
  async function filledForm(db: WriteDb, salesperson: string): Promise<{ wb: ExcelJS.Workbook; key: Key; keySheet: ExcelJS.Worksheet }> {
    const files = await exportForms(db, Q, true);
    const wb = await workbook(files.find((f) => f.fileName.includes(salesperson))!.bytes);
    const key = keys(wb)[0]!;
    wb.getWorksheet(key.sheet)!.getCell(`A${key.map.selfRows[0]}`).value = SELF;
    return { wb, key, keySheet: wb.getWorksheet(KEY_SHEET)! };
  }
  const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

  it('refuses a visible commission of 888,888 whose map was pointed at a cell holding the old figure', async () => {
    const db = goldenDb();
    const { wb, key, keySheet } = await filledForm(db, 'S01');
    const sheet = wb.getWorksheet(key.sheet)!;
    const cell = key.map.figures.commission!;
    sheet.getCell('K90').value = valueOf(sheet.getCell(cell)) as number;
    sheet.getCell(cell).value = 888888;
    keySheet.getCell('E2').value = JSON.stringify({ ...key.map, figures: { ...key.map.figures, commission: 'K90' } });
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
  });

  it('refuses a changed figure whose checksum was recomputed without the database secret', async () => {
    const db = goldenDb();
    const { wb, key, keySheet } = await filledForm(db, 'S01');
    wb.getWorksheet(key.sheet)!.getCell(key.map.figures.commission!).value = 888888;
    // Anyone can compute an unkeyed SHA-256 of the form's figures; only this database has the key.
    const row = expected.rows.find((r) => r.salesperson === 'S01')!;
    const forged = canonicalFigures(Q, 'S01', { ...figuresOfRow(row), commission: '888888' });
    keySheet.getCell('D2').value = createHash('sha256').update(forged, 'utf8').digest('hex');
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
  });

  it('a map naming five million rows costs nothing: refused at once', async () => {
    const db = goldenDb();
    const { wb, key, keySheet } = await filledForm(db, 'S02');
    keySheet.getCell('E2').value = JSON.stringify({ ...key.map, selfRows: [1, 5_000_000] });
    const bytes = await save(wb);
    const started = performance.now();
    const heap = process.memoryUsage().heapUsed;
    await expect(importSelfReview(db, bytes, 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a form exported before forms were signed (no layout column)', async () => {
    const db = goldenDb();
    const { wb, keySheet } = await filledForm(db, 'S01');
    keySheet.getCell('F1').value = null;
    keySheet.getCell('F2').value = null;
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('旧版本 TradeKPI 导出');
  });

  it('refuses a form exported from another database (another secret)', async () => {
    const { wb } = await filledForm(goldenDb(), 'S01');
    await expect(importSelfReview(goldenDb(), await save(wb), 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
  });

  it('refuses a workbook with a sheet slipped in beside the form', async () => {
    const db = goldenDb();
    const { wb } = await filledForm(db, 'S01');
    wb.addWorksheet('copy').getCell('A1').value = 'x';
    await expect(importSelfReview(db, await save(wb), 'f.xlsx')).rejects.toThrow('表中的考核数字被改动过');
  });
});

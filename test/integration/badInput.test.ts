import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { openAppData } from '../../electron/host/dataFolder';
import { startWebHost } from '../../electron/host/webHost';
import { KEY_SHEET } from '../../electron/forms/formWorkbook';
import { GOLDEN, readJson, tempDir, tkpi, writeJson } from '../helpers';

type Bundle = {
  deals: { id: string; salesperson: string; amount: string; signedOn: string; currency: string }[];
  targets: { indicators: { weight: number }[] }[];
  fxRates: { month: string; currency: string }[];
};

const golden = () => readJson<Bundle>(path.join(GOLDEN, 'bundle.json'));

/**
 * The golden case, loaded once into a template file; each test copies it into its own temp
 * folder, so no test sees another's database.
 */
let template: string;
let templateDump: string;
beforeAll(() => {
  template = path.join(tempDir(), 'template.db');
  expect(tkpi('load', '--db', template, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
  templateDump = tkpi('dump', '--db', template).stdout;
});

type Fresh = { dir: string; db: string; before: string };
/** A copy of the template (closed, so the file holds everything) in a folder of its own. */
function fresh(): Fresh {
  const dir = tempDir();
  const db = path.join(dir, 'kept.db');
  fs.copyFileSync(template, db);
  return { dir, db, before: templateDump };
}

function expectRefused(at: Fresh, result: ReturnType<typeof tkpi>, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/SQLITE|CHECK constraint|程序内部错误|Error:/);
  expect(tkpi('dump', '--db', at.db).stdout).toBe(at.before);
}

describe('bad input exits 2 with one line and changes nothing', () => {
  it('a file that is not JSON', () => {
    const at = fresh();
    const file = path.join(at.dir, 'broken.json');
    fs.writeFileSync(file, '{"format": "trade-kpi-bundle", ');
    expectRefused(at, tkpi('load', '--db', at.db, file), /broken\.json.*不是有效的 JSON/);
  });

  it('a JSON file that is not a bundle', () => {
    const at = fresh();
    expectRefused(at, tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'other.json'), { hello: 1 })), /other\.json.*不是 TradeKPI 数据包/);
  });

  it('weights that sum to 90', () => {
    const at = fresh();
    const bundle = golden();
    const sheet = bundle.targets[2];
    if (!sheet?.indicators[3]) throw new Error('fixture changed');
    sheet.indicators[3].weight = 5;
    expectRefused(at, tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'w90.json'), bundle)), /targets\[2\]\.indicators: 权重合计为 90，应为 100/);
  });

  it('a deal of an unknown salesperson', () => {
    const at = fresh();
    const bundle = golden();
    const deal = bundle.deals[4];
    if (!deal) throw new Error('fixture changed');
    deal.salesperson = 'S99';
    expectRefused(at, tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 's99.json'), bundle)), /deals\[4\]\(D0005\)\.salesperson: 业务员 S99 不存在/);
  });

  it('a negative deal amount and an amount with three decimals', () => {
    const at = fresh();
    const bundle = golden();
    bundle.deals[0]!.amount = '-100.00';
    expectRefused(at, tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'neg.json'), bundle)), /deals\[0\]\(D0001\)\.amount: 金额必须大于 0/);
    bundle.deals[0]!.amount = '100.001';
    expectRefused(at, tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'fen.json'), bundle)), /deals\[0\]\(D0001\)\.amount: 金额格式不正确/);
  });

  it('a quarter that does not exist, or that nobody has targets for', () => {
    const at = fresh();
    expectRefused(at, tkpi('appraise', '--db', at.db, '--quarter', '2026Q5', '--json'), /--quarter: 季度格式不正确/);
    expectRefused(at, tkpi('appraise', '--db', at.db, '--quarter', '2031Q1', '--json'), /2031Q1 没有任何业务员设定了考核目标/);
  });

  it('a missing FX rate names the month and currency', () => {
    const dir = tempDir();
    const bundle = golden();
    bundle.fxRates = bundle.fxRates.filter((r) => !(r.month === '2026-08' && r.currency === 'USD'));
    const other = path.join(dir, 'norate.db');
    expect(tkpi('load', '--db', other, writeJson(path.join(dir, 'norate.json'), bundle)).status).toBe(0);
    const result = tkpi('appraise', '--db', other, '--quarter', '2026Q3', '--json');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/缺少 2026-08 USD 的汇率/);
  });

  it('leaves no database file behind when a new one cannot be loaded', () => {
    const dir = tempDir();
    const bundle = golden();
    bundle.deals[0]!.salesperson = 'NOBODY';
    const never = path.join(dir, 'never.db');
    expect(tkpi('load', '--db', never, writeJson(path.join(dir, 'nobody.json'), bundle)).status).toBe(2);
    expect(fs.existsSync(never)).toBe(false);
  });

  it('a database file that does not exist, or that a newer version made', () => {
    const at = fresh();
    expect(tkpi('appraise', '--db', path.join(at.dir, 'none.db'), '--quarter', '2026Q3').stderr).toMatch(/none\.db 不存在/);
    const newer = path.join(at.dir, 'newer.db');
    fs.copyFileSync(at.db, newer);
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    const result = tkpi('dump', '--db', newer);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/更新版本的 TradeKPI 创建（结构版本 99/);
  });

  it('a file that is not a database', () => {
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite at all, just text '.repeat(200));
    const result = tkpi('dump', '--db', junk);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/junk\.db 不是 TradeKPI 数据库文件/);
  });
});

describe('odd and hostile input is refused as bad input, never an internal error or raw SQL', () => {
  it('a 30-digit amount names the record and the limit', () => {
    const at = fresh();
    const bundle = golden();
    bundle.deals[0]!.amount = '123456789012345678901234567890.00';
    expectRefused(
      at,
      tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'huge.json'), bundle)),
      /deals\[0\]\(D0001\)\.amount: 金额超出上限 10,000,000,000\.00/,
    );
  });

  it('a 20-digit JSON number', () => {
    const at = fresh();
    const file = path.join(at.dir, 'number.json');
    // Written by hand: JSON.stringify would already have rounded the number.
    fs.writeFileSync(file, JSON.stringify(golden()).replace('"amount":"17000.00"', '"amount":12345678901234567890'));
    expectRefused(at, tkpi('load', '--db', at.db, file), /deals\[0\]\(D0001\)\.amount: 金额超出上限 10,000,000,000\.00/);
  });

  it('an amount just over the database limit, for a deal and for a receipt', () => {
    const at = fresh();
    const bundle = golden();
    bundle.deals[1]!.amount = '10000000000.01';
    expectRefused(
      at,
      tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'over.json'), bundle)),
      /deals\[1\]\(D0002\)\.amount: 金额超出上限 10,000,000,000\.00/,
    );
    const receipts = golden() as Bundle & { receipts: { amount: string }[] };
    receipts.receipts[3]!.amount = '-20000000000.00';
    expectRefused(
      at,
      tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'over2.json'), receipts)),
      /receipts\[3\]\.amount: 金额超出上限 10,000,000,000\.00/,
    );
  });

  it('a bracket rate over 100%, and a plan whose last bracket has an upper bound', () => {
    const at = fresh();
    const bundle = golden() as Bundle & { commissionPlans: { brackets: { upTo: string | null; rate: string }[] }[] };
    bundle.commissionPlans[0]!.brackets[1]!.rate = '1.5';
    expectRefused(
      at,
      tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'rate.json'), bundle)),
      /commissionPlans\[0\]\(std\)\.brackets\[1\]\.rate: 提成比例应在 0 到 100% 之间/,
    );
    const bounded = golden() as typeof bundle;
    bounded.commissionPlans[1]!.brackets[1]!.upTo = '2000000';
    expectRefused(
      at,
      tkpi('load', '--db', at.db, writeJson(path.join(at.dir, 'bounded.json'), bounded)),
      /commissionPlans\[1\]\(senior\)\.brackets\[1\]\.upTo: 最后一档不能设上限/,
    );
  });

  it('--out naming a file', () => {
    const at = fresh();
    const file = path.join(at.dir, 'notes.txt');
    fs.writeFileSync(file, 'keep me');
    expectRefused(at, tkpi('export-forms', '--db', at.db, '--quarter', '2026Q3', '--out', file), /--out: 应为一个文件夹，而 .*notes\.txt 是一个文件/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('a UTF-16 CSV (Excel\'s "Unicode text") reads as the same statement', () => {
    const dir = tempDir();
    const source = path.join(GOLDEN, 'statements/icbc-fx-history.csv');
    // The ICBC export is already tab-separated: only its encoding changes.
    const text = iconv.decode(fs.readFileSync(source), 'gb18030');
    const utf16 = path.join(dir, 'icbc-unicode.txt');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')]));
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    for (const db of [a, b]) expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle-no-receipts.json')).status).toBe(0);
    const original = tkpi('import-bank', '--db', a, source, '--json');
    const unicode = tkpi('import-bank', '--db', b, utf16, '--json');
    expect(unicode.status, unicode.stderr).toBe(0);
    const summary = (out: string) => {
      const { file: _file, batchId: _batch, ...rest } = JSON.parse(out) as Record<string, unknown>;
      return rest;
    };
    expect(summary(unicode.stdout)).toEqual(summary(original.stdout));
    expect((JSON.parse(unicode.stdout) as { imported: number }).imported).toBeGreaterThan(0);
  });
});

describe('hostile forms', () => {
  async function exportedForm(at: Fresh): Promise<{ file: string; wb: ExcelJS.Workbook }> {
    expect(tkpi('export-forms', '--db', at.db, '--quarter', '2026Q3', '--out', at.dir, '--per-person').status).toBe(0);
    const file = path.join(at.dir, '绩效考核表-2026Q3', '绩效考核表-2026Q3-S01-江霞.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    return { file, wb };
  }

  it('a form whose map is not JSON', async () => {
    const at = fresh();
    const { file, wb } = await exportedForm(at);
    wb.getWorksheet(KEY_SHEET)!.getCell('E2').value = '{"figures": {';
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    expectRefused(at, tkpi('import-self-review', '--db', at.db, file), /表中的考核数字被改动过/);
  });

  it('a form for a person who does not exist', async () => {
    const at = fresh();
    const { file, wb } = await exportedForm(at);
    wb.getWorksheet(KEY_SHEET)!.getCell('B2').value = 'S99';
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    expectRefused(at, tkpi('import-self-review', '--db', at.db, file), /表中的业务员 S99 在本数据库中不存在/);
  });

  it('a Word document given as a self-review form', async () => {
    const at = fresh();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>自评</w:t></w:r></w:p></w:body></w:document>',
    );
    const file = path.join(at.dir, '自评.docx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expectRefused(at, tkpi('import-self-review', '--db', at.db, file), /^tkpi: 自评\.docx 是 Word 文档，不是 TradeKPI 导出的绩效考核表/);
  });
});

describe('hostile requests to the web host', () => {
  it('a 100 MB search string is refused at once, naming the limit', async () => {
    const data = await openAppData(tempDir());
    const host = await startWebHost({ services: data.services, rendererDir: tempDir() });
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${host.port}/api/customers.list`, {
      method: 'POST',
      headers: { 'X-TKPI-Token': host.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ search: 'x'.repeat(100 * 1024 * 1024) }),
    });
    const body = (await response.json()) as { ok: boolean; error?: { code: string; field?: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'input.tooLong', field: 'search' } });
    expect(body.error?.message).toBe('内容太长（最多 200 个字符）');
    expect(performance.now() - started).toBeLessThan(10_000);
    await host.close();
    data.db.close();
  }, 30_000);
});

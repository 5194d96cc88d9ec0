import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN, readJson, tempDir, tkpi, writeJson } from '../helpers';

type Bundle = {
  deals: { id: string; salesperson: string; amount: string; signedOn: string; currency: string }[];
  targets: { indicators: { weight: number }[] }[];
  fxRates: { month: string; currency: string }[];
};

const golden = () => readJson<Bundle>(path.join(GOLDEN, 'bundle.json'));

/** A database holding the golden case, and its dump to compare against after each failure. */
let dir: string;
let db: string;
let before: string;
beforeAll(() => {
  dir = tempDir();
  db = path.join(dir, 'kept.db');
  expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
  before = tkpi('dump', '--db', db).stdout;
});

function expectRefused(result: ReturnType<typeof tkpi>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(tkpi('dump', '--db', db).stdout).toBe(before);
}

describe('bad input exits 2 with one line and changes nothing', () => {
  it('a file that is not JSON', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{"format": "trade-kpi-bundle", ');
    expectRefused(tkpi('load', '--db', db, file), /broken\.json.*不是有效的 JSON/);
  });

  it('a JSON file that is not a bundle', () => {
    expectRefused(tkpi('load', '--db', db, writeJson(path.join(dir, 'other.json'), { hello: 1 })), /other\.json.*不是 TradeKPI 数据包/);
  });

  it('weights that sum to 90', () => {
    const bundle = golden();
    const sheet = bundle.targets[2];
    if (!sheet?.indicators[3]) throw new Error('fixture changed');
    sheet.indicators[3].weight = 5;
    expectRefused(tkpi('load', '--db', db, writeJson(path.join(dir, 'w90.json'), bundle)), /targets\[2\]\.indicators: 权重合计为 90，应为 100/);
  });

  it('a deal of an unknown salesperson', () => {
    const bundle = golden();
    const deal = bundle.deals[4];
    if (!deal) throw new Error('fixture changed');
    deal.salesperson = 'S99';
    expectRefused(tkpi('load', '--db', db, writeJson(path.join(dir, 's99.json'), bundle)), /deals\[4\]\(D0005\)\.salesperson: 业务员 S99 不存在/);
  });

  it('a negative deal amount and an amount with three decimals', () => {
    const bundle = golden();
    bundle.deals[0]!.amount = '-100.00';
    expectRefused(tkpi('load', '--db', db, writeJson(path.join(dir, 'neg.json'), bundle)), /deals\[0\]\(D0001\)\.amount: 金额必须大于 0/);
    bundle.deals[0]!.amount = '100.001';
    expectRefused(tkpi('load', '--db', db, writeJson(path.join(dir, 'fen.json'), bundle)), /deals\[0\]\(D0001\)\.amount: 金额格式不正确/);
  });

  it('a quarter that does not exist, or that nobody has targets for', () => {
    expectRefused(tkpi('appraise', '--db', db, '--quarter', '2026Q5', '--json'), /--quarter: 季度格式不正确/);
    expectRefused(tkpi('appraise', '--db', db, '--quarter', '2031Q1', '--json'), /2031Q1 没有任何业务员设定了考核目标/);
  });

  it('a missing FX rate names the month and currency', () => {
    const bundle = golden();
    bundle.fxRates = bundle.fxRates.filter((r) => !(r.month === '2026-08' && r.currency === 'USD'));
    const other = path.join(dir, 'norate.db');
    expect(tkpi('load', '--db', other, writeJson(path.join(dir, 'norate.json'), bundle)).status).toBe(0);
    const result = tkpi('appraise', '--db', other, '--quarter', '2026Q3', '--json');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/缺少 2026-08 USD 的汇率/);
  });

  it('leaves no database file behind when a new one cannot be loaded', () => {
    const bundle = golden();
    bundle.deals[0]!.salesperson = 'NOBODY';
    const fresh = path.join(dir, 'never.db');
    expect(tkpi('load', '--db', fresh, writeJson(path.join(dir, 'nobody.json'), bundle)).status).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('a database file that does not exist, or that a newer version made', () => {
    expect(tkpi('appraise', '--db', path.join(dir, 'none.db'), '--quarter', '2026Q3').stderr).toMatch(/none\.db 不存在/);
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(db, newer);
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    const result = tkpi('dump', '--db', newer);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/更新版本的 TradeKPI 创建（结构版本 99/);
  });

  it('a file that is not a database', () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite at all, just text '.repeat(200));
    const result = tkpi('dump', '--db', junk);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/junk\.db 不是 TradeKPI 数据库文件/);
  });
});

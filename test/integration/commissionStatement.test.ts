import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CommissionStatement } from '../../shared/engine/commissionStatement';
import type { Customer, Page } from '../../shared/entities';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { importStatement } from '../../electron/services/bankImport/importService';
import { createApi, createServices } from '../../electron/services';
import { commissionStatements } from '../../electron/services/commissionStatementService';
import { excludedReceipts } from '../../electron/db/commissionStatementFacts';
import { quarterRange } from '../../shared/quarter';
import { expectedLines, sumLines } from '../goldenStatement';
import { ok, throughInterview } from '../goldenWorkflow';
import { GOLDEN, goldenExpected, readJson, tempDir, tkpi } from '../helpers';

const Q = '2026Q3';
const expected = goldenExpected();
type GoldenBundle = Parameters<typeof expectedLines>[0] & { receipts: { ref?: string; customer?: string | null }[] };
const bundle = readJson<GoldenBundle>(path.join(GOLDEN, 'bundle.json'));

function loaded(file = 'bundle.json'): { db: WriteDb; services: ReturnType<typeof createServices> } {
  const db = openDatabase(path.join(tempDir(), 'statement.db'), { create: true });
  const services = createServices(db);
  services['bundle.load']({ bundle: readJson(path.join(GOLDEN, file)) });
  return { db, services };
}

async function workbook(base64OrBytes: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The value in column I of the row whose merged label (column A) starts with `label`. */
function figure(sheet: ExcelJS.Worksheet, label: string): number | undefined {
  let found: number | undefined;
  sheet.eachRow((row) => {
    if (found === undefined && String(row.getCell(1).value ?? '').startsWith(label)) {
      const cell = row.getCell(9);
      found = Number(cell.formula ? cell.result : cell.value);
    }
  });
  return found;
}

describe('提成对账单 of the golden case', () => {
  it('lists, for every person, exactly the receipts worked out from the bundle, adding up to expected.json', () => {
    const { db, services } = loaded();
    for (const row of expected.rows) {
      const lines = expectedLines(bundle, row.salesperson, '2026-07-01', '2026-09-30');
      const s = services['statements.get']({ quarter: Q, salesperson: row.salesperson }) as CommissionStatement;
      expect(
        s.lines.map((l) => ({ ref: l.ref ?? '', cny: l.cny })),
        `lines of ${row.salesperson}`,
      ).toEqual(lines);
      expect(lines.length, `${row.salesperson} has receipts in the quarter`).toBeGreaterThan(0);
      expect(sumLines(lines), `Σ lines of ${row.salesperson}`).toBe(row.settled);
      expect(s.baseTotal).toBe(row.settled);
      expect(s.commission, `commission of ${row.salesperson}`).toEqual(row.commission);
      expect(s.newCustomers.length, `new customers of ${row.salesperson}`).toBe(row.newCustomers);
      // The slices, each shown rounded, plus the rounding line, make the bracket amount.
      const slices = s.slices.reduce((sum, x) => sum + Math.round(Number(x.commission) * 100), 0) + Math.round(Number(s.rounding) * 100);
      expect(slices, `slices of ${row.salesperson}`).toBe(Math.round(Number(row.commission.bracketAmount) * 100));
    }
    db.close();
  });

  it('names the receipts of a person’s customers that do not count for them, and why', () => {
    const { db, services } = loaded();
    const list = services['receipts.list']({ quarter: Q, salesperson: 'S01', offset: 0, limit: 500 }) as {
      rows: { id: number; ref: string | null; cny: string | null }[];
    };
    const [first, second] = list.rows;
    if (!first || !second) throw new Error('S01 needs two receipts in the quarter');
    services['receipts.setNotCustomer']({ id: first.id, notCustomer: true });
    const stored = db.prepare('SELECT * FROM receipts WHERE id = ?').get(second.id) as { id: number };
    db.prepare('UPDATE receipts SET manual_salesperson_id = ? WHERE id = ?').run('S02', stored.id);
    const s = services['statements.get']({ quarter: Q, salesperson: 'S01' }) as CommissionStatement;
    expect(s.excluded.map((e) => ({ id: e.id, reason: e.reason, creditedTo: e.creditedTo }))).toEqual([
      { id: String(first.id), reason: 'notCustomer', creditedTo: null },
      { id: String(second.id), reason: 'creditedToOther', creditedTo: 'S02' },
    ]);
    expect(s.lines.map((l) => l.id)).not.toContain(String(first.id));
    expect(s.lines.map((l) => l.id)).not.toContain(String(second.id));
    expect(s.lines).toHaveLength(list.rows.length - 2);
    const s2 = services['statements.get']({ quarter: Q, salesperson: 'S02' }) as CommissionStatement;
    expect(s2.lines.map((l) => l.id)).toContain(String(second.id));
    db.close();
  });

  it('of everyone at once (the forms export) are each person’s own statement, excluded receipts and new customers included', () => {
    const { db, services } = loaded();
    const list = services['receipts.list']({ quarter: Q, salesperson: 'S01', offset: 0, limit: 500 }) as { rows: { id: number }[] };
    const [first, second] = list.rows;
    if (!first || !second) throw new Error('S01 needs two receipts in the quarter');
    services['receipts.setNotCustomer']({ id: first.id, notCustomer: true });
    db.prepare('UPDATE receipts SET manual_salesperson_id = ? WHERE id = ?').run('S02', second.id);
    for (const rule of ['first_receipt', 'first_deal'] as const) {
      services['settings.update']({ newCustomerRule: rule });
      const everyone = commissionStatements(db, Q);
      expect(
        everyone.map((s) => s.salesperson),
        `people under ${rule}`,
      ).toEqual(expected.rows.map((r) => r.salesperson));
      expect(
        everyone.reduce((n, s) => n + s.excluded.length, 0),
        `excluded receipts under ${rule}`,
      ).toBe(2);
      expect(
        everyone.reduce((n, s) => n + s.newCustomers.length, 0),
        `new customers under ${rule}`,
      ).toBeGreaterThan(0);
      for (const s of everyone)
        expect(s, `statement of ${s.salesperson} under ${rule}`).toEqual(services['statements.get']({ quarter: Q, salesperson: s.salesperson }));
    }
    db.close();
  });

  it('says where each rate came from after importing the bank statements (per-100 quotes normalised)', async () => {
    const { db, services } = loaded('bundle-no-receipts.json');
    const dir = path.join(GOLDEN, 'statements');
    for (const file of fs.readdirSync(dir).sort()) await importStatement(db, fs.readFileSync(path.join(dir, file)), file);
    const sources = new Set<string>();
    for (const row of expected.rows) {
      const s = services['statements.get']({ quarter: Q, salesperson: row.salesperson }) as CommissionStatement;
      expect(s.commission, `commission of ${row.salesperson} from the statements`).toEqual(row.commission);
      for (const l of s.lines) sources.add(l.rateSource);
    }
    expect([...sources].sort()).toEqual(['bankRatePer100', 'cny', 'table']);
    db.close();
  });

  it('of an approved quarter keeps the approved plan when the plan changes afterwards', async () => {
    const { db, services } = loaded();
    const api = createApi(services);
    for (const id of expected.rows.map((r) => r.salesperson)) await throughInterview(api, id);
    services['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking: false, opinions: {} });
    services['plans.save']({ id: 'std', mode: 'whole', brackets: [{ upTo: null, rate: '0.05' }], newCustomerBonus: '0' });
    services['settings.update']({ newCustomerRule: 'first_deal' });
    for (const row of expected.rows) {
      const s = services['statements.get']({ quarter: Q, salesperson: row.salesperson }) as CommissionStatement;
      expect(s.commission, `approved commission of ${row.salesperson}`).toEqual(row.commission);
    }
    db.close();
  });

  it('of an approved person keeps the receipts left out as they were, when a customer changes hands afterwards', async () => {
    const { db, services } = loaded();
    const api = createApi(services);
    for (const id of expected.rows.map((r) => r.salesperson)) await throughInterview(api, id);
    services['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking: false, opinions: {} });
    const approved = services['statements.get']({ quarter: Q, salesperson: 'S01' }) as CommissionStatement;
    // A customer of S02 with receipts this quarter, credited to S02, moves to S01 after 审定.
    const moved = db
      .prepare("SELECT customer_id AS id FROM receipts WHERE matched_owner_id = 'S02' AND value_date BETWEEN '2026-07-01' AND '2026-09-30' LIMIT 1")
      .get() as { id: string } | undefined;
    if (!moved) throw new Error('the golden case needs a receipt of an S02 customer in the quarter');
    const customers = services['customers.list']({ search: moved.id, offset: 0, limit: 5 }) as Page<Customer>;
    const customer = customers.rows.find((c) => c.id === moved.id);
    if (!customer) throw new Error(`customer ${moved.id} not listed`);
    services['customers.update']({ ...customer, owner: 'S01' });
    // Today's receipts left out of S01 would now include that customer's; the approved statement does not.
    const live = excludedReceipts(db, 'S01', quarterRange(Q));
    expect(live.length, 'receipts of the moved customer now left out of S01').toBeGreaterThan(approved.excluded.length);
    const after = services['statements.get']({ quarter: Q, salesperson: 'S01' }) as CommissionStatement;
    expect(after.excluded).toEqual(approved.excluded);
    expect(after.lines).toEqual(approved.lines);
    db.close();
  });

  it('refuses a person without targets in the quarter, in Chinese', async () => {
    const { db } = loaded();
    const api = (await import('../../electron/services')).createApi(createServices(db));
    const result = await api['statements.get']({ quarter: Q, salesperson: 'NOPE' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('NOPE 在 2026Q3 没有考核目标，没有提成对账单');
    db.close();
  });
});

describe('the statements and 薪酬 as workbooks', () => {
  it('tkpi export-forms writes the statements on their own and inside the forms workbook, figures equal to expected.json', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
    const out = path.join(dir, 'out');
    const run = tkpi('export-forms', '--db', db, '--quarter', Q, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const alone = await workbook(fs.readFileSync(path.join(out, `提成对账单-${Q}.xlsx`)));
    const forms = await workbook(fs.readFileSync(path.join(out, `绩效考核表-${Q}.xlsx`)));
    for (const wb of [alone, forms]) {
      for (const row of expected.rows) {
        const sheet = wb.worksheets.find((w) => w.name.startsWith(`提成 ${row.salesperson} `));
        if (!sheet) throw new Error(`no statement sheet for ${row.salesperson}`);
        expect(figure(sheet, '合计（'), `base of ${row.salesperson}`).toBeCloseTo(Number(row.settled), 2);
        expect(figure(sheet, '分段提成'), `bracket amount of ${row.salesperson}`).toBeCloseTo(Number(row.commission.bracketAmount), 2);
        expect(figure(sheet, '本季度提成合计'), `commission of ${row.salesperson}`).toBeCloseTo(Number(row.commission.total), 2);
        expect(sheet.pageSetup.fitToWidth).toBe(1);
      }
    }
    expect(alone.worksheets).toHaveLength(expected.rows.length);
  });

  it('pay.export writes 薪酬 with the same totals as the appraisal', async () => {
    const { db, services } = loaded();
    const file = (await services['pay.export']({ quarter: Q })) as { fileName: string; content: string };
    expect(file.fileName).toBe(`薪酬-${Q}.xlsx`);
    const sheet = (await workbook(file.content)).getWorksheet('薪酬');
    if (!sheet) throw new Error('no 薪酬 sheet');
    const byId = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 2) byId.set(String(row.getCell(2).value), row);
    });
    for (const row of expected.rows) {
      const r = byId.get(row.salesperson);
      expect(Number(r?.getCell(6).value), `performance pay of ${row.salesperson}`).toBeCloseTo(Number(row.performancePay), 2);
      expect(Number(r?.getCell(10).value), `commission of ${row.salesperson}`).toBeCloseTo(Number(row.commission.total), 2);
    }
    db.close();
  });

  it('pay.export of an approved quarter keeps the approved base salary after a raise, as the 薪酬 page does', async () => {
    const { db, services } = loaded();
    const api = createApi(services);
    for (const id of expected.rows.map((r) => r.salesperson)) await throughInterview(api, id);
    services['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking: false, opinions: {} });
    const people = await services['salespeople.list']({});
    const before = new Map(people.map((p) => [p.id, Number(p.monthlyBaseSalary) * 3]));
    for (const p of people)
      await services['salespeople.update']({ ...p, annualBonusBase: p.annualBonusBase ?? null, leftOn: p.leftOn ?? null, monthlyBaseSalary: '99999.00' });
    const file = (await services['pay.export']({ quarter: Q })) as { fileName: string; content: string };
    const sheet = (await workbook(file.content)).getWorksheet('薪酬');
    if (!sheet) throw new Error('no 薪酬 sheet');
    for (const row of expected.rows) {
      let base3: number | undefined;
      sheet.eachRow((r, n) => {
        if (n > 2 && String(r.getCell(2).value) === row.salesperson) base3 = Number(r.getCell(5).value);
      });
      expect(base3, `底薪×3 of ${row.salesperson} in the approved quarter's 薪酬`).toBeCloseTo(before.get(row.salesperson) ?? NaN, 2);
    }
    db.close();
  });
});

describe('where a rate came from, after an edit', () => {
  it('keeps "quoted per 100" when a receipt is edited without changing its rate, and drops it when the rate changes', async () => {
    const db = openDatabase(path.join(tempDir(), 'quoted.db'), { create: true });
    const services = createServices(db);
    services['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle-no-receipts.json')) });
    const file = 'boc-usd-statement.xlsx';
    await importStatement(db, fs.readFileSync(path.join(GOLDEN, 'statements', file)), file);
    const page = services['receipts.list']({ quarter: Q, offset: 0, limit: 500 }) as {
      rows: { id: number; rateQuotedPer: 1 | 100 | null; rate: string | null }[];
    };
    const quoted = page.rows.find((r) => r.rateQuotedPer === 100 && r.rate !== null);
    if (!quoted) throw new Error('the USD statement has no receipt quoted per 100');
    const stored = () => (services['receipts.list']({ quarter: Q, offset: 0, limit: 500 }) as typeof page).rows.find((r) => r.id === quoted.id);
    const { id, ...fields } = quoted as unknown as Record<string, unknown> & { id: number };
    const editable = Object.fromEntries(
      Object.entries(fields).filter(([k]) =>
        ['ref', 'valueDate', 'currency', 'amount', 'rate', 'cnyAmount', 'remitter', 'memo', 'customer', 'salesperson', 'notCustomer'].includes(k),
      ),
    );
    const api = createApi(services);
    await ok(api['receipts.update']({ id, ...editable, memo: '改了附言' } as Parameters<(typeof api)['receipts.update']>[0]));
    expect(stored()?.rateQuotedPer, 'memo edited, rate kept').toBe(100);
    await ok(api['receipts.update']({ id, ...editable, rate: '7.000000' } as Parameters<(typeof api)['receipts.update']>[0]));
    expect(stored()?.rateQuotedPer, 'rate typed again by hand').toBe(null);
    db.close();
  });
});

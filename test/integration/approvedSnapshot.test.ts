import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api, QuarterAppraisal } from '../../shared/api/contract';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { migrate } from '../../electron/db/migrate';
import { listSnapshots } from '../../electron/db/repositories/appraisalSnapshots';
import type { FormMap } from '../../electron/forms/formSheet';
import { KEY_SHEET } from '../../electron/forms/formWorkbook';
import { exportForms } from '../../electron/forms/formsService';
import { createApi, createServices } from '../../electron/services';
import { ok, throughInterview } from '../goldenWorkflow';
import { GOLDEN, readJson, tempDir, tkpi } from '../helpers';

/*
 * Approved is a snapshot (issue 9 items 1–3, STYLE rule 16): after 审定 of 2026Q3 no later change
 * of plan, pay, settings or forced ranking moves the approved figures — on 考核/薪酬, on the
 * exported forms, or in `tkpi appraise --json`. Reopening discards the snapshot.
 */

const Q = '2026Q3';
const IDS = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'];

let file: string;
let db: WriteDb;
let api: Api;

async function golden(name: string): Promise<{ file: string; db: WriteDb; api: Api }> {
  const f = path.join(tempDir(), name);
  const d = openDatabase(f, { create: true });
  const a = createApi(createServices(d));
  await ok(a['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
  return { file: f, db: d, api: a };
}

async function approveAll(a: Api, forcedRanking = false): Promise<QuarterAppraisal> {
  for (const id of IDS) await throughInterview(a, id);
  return ok(a['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking }));
}

const quarter = async () => ok(api['appraisal.quarter']({ quarter: Q }));
const row = (q: QuarterAppraisal, id: string): AppraisalRow => {
  const found = q.report.rows.find((r) => r.salesperson === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
};

/** The figures printed on each person's form of the exported workbook, read back from the cells. */
async function formFigures(d: WriteDb): Promise<Record<string, Record<string, string>>> {
  const [workbookFile] = await exportForms(d, Q, false);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workbookFile!.bytes as unknown as ArrayBuffer);
  const out: Record<string, Record<string, string>> = {};
  wb.getWorksheet(KEY_SHEET)?.eachRow((r, n) => {
    if (n === 1) return;
    const sheet = wb.getWorksheet(String(r.getCell(1).value));
    const map = JSON.parse(String(r.getCell(5).value)) as FormMap;
    out[String(r.getCell(2).value)] = Object.fromEntries(
      Object.entries(map.figures).map(([name, address]) => {
        const cell = sheet!.getCell(address);
        return [name, String(cell.formula ? cell.result : cell.value)];
      }),
    );
  });
  return out;
}

describe('approved 2026Q3 does not move', () => {
  let approved: QuarterAppraisal;
  let forms: Record<string, Record<string, string>>;

  beforeEach(async () => {
    ({ file, db, api } = await golden('frozen.db'));
    approved = await approveAll(api);
    forms = await formFigures(db);
  });

  async function expectUnmoved() {
    const now = await quarter();
    expect(now.report.rows, 'appraisal.quarter rows').toEqual(approved.report.rows);
    expect(await formFigures(db), 'exported form figures').toEqual(forms);
    const cli = tkpi('appraise', '--db', file, '--quarter', Q, '--json');
    expect(cli.status, cli.stderr).toBe(0);
    expect((JSON.parse(cli.stdout) as { rows: AppraisalRow[] }).rows, 'tkpi appraise --json rows').toEqual(approved.report.rows);
  }

  it('stores a complete snapshot per person at 审定', () => {
    const snapshots = listSnapshots(db, Q);
    expect(snapshots.map((s) => s.salesperson)).toEqual(IDS);
    const s01 = snapshots[0]!;
    expect(s01).toMatchObject({
      approvedBy: '张总',
      data: {
        forcedRanking: false,
        person: { id: 'S01', performanceBasePay: '2000.00', commissionPlan: 'senior' },
        plan: { id: 'senior' },
        settings: { commissionBase: 'settled' },
      },
    });
    expect(s01.data.row).toEqual(row(approved, 'S01'));
    expect(s01.data.distribution).toMatchObject({ appraised: 6, caps: { S: 0, A: 1, SA: 1, CD: 2 } });
    expect(s01.data.indicators?.length).toBeGreaterThan(0);
  });

  it('refuses hand entry of a receipt in the quarter (as before)', async () => {
    const refused = await api['receipts.create']({ valueDate: '2026-08-01', currency: 'CNY', amount: '355000', customer: 'C001' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wf.locked' } });
    await expectUnmoved();
  });

  it('keeps commission when the plans change (brackets, rates, new-customer bonus)', async () => {
    await ok(
      api['plans.save']({
        id: 'senior',
        mode: 'whole',
        brackets: [
          { upTo: '100000', rate: '0.05' },
          { upTo: null, rate: '0.08' },
        ],
        newCustomerBonus: '5000',
      }),
    );
    await ok(api['plans.save']({ id: 'std', mode: 'progressive', brackets: [{ upTo: null, rate: '0.03' }], newCustomerBonus: '0' }));
    await expectUnmoved();
  });

  it("keeps pay and commission when a salesperson's 绩效基准工资, 底薪 or plan changes", async () => {
    const people = await ok(api['salespeople.list']({}));
    const s01 = people.find((p) => p.id === 'S01')!;
    await ok(api['salespeople.update']({ ...s01, performanceBasePay: '20000', monthlyBaseSalary: '9000', commissionPlan: 'std' }));
    await expectUnmoved();
    expect((await quarter()).snapshots?.find((s) => s.salesperson === 'S01')?.monthlyBaseSalary).toBe('1500.00');
  });

  it('keeps everything when commissionBase, newCustomerRule and the forced-ranking default change', async () => {
    await ok(api['settings.update']({ commissionBase: 'deal_volume', newCustomerRule: 'first_deal', forcedRanking: true }));
    await expectUnmoved();
  });

  it('refuses a forced-ranking choice that differs from the approved one', async () => {
    // Nobody is left to approve: approving again with forced ranking is refused, figures unmoved.
    expect(await api['workflow.approve']({ quarter: Q, by: '张总', opinion: '强制排序', forcedRanking: true })).toMatchObject({
      ok: false,
      error: { code: 'wf.notReady' },
    });
    await ok(api['workflow.reopen']({ salesperson: 'S05', quarter: Q, by: '张总', reason: '补记差错' }));
    const refused = await api['workflow.approve']({ quarter: Q, by: '张总', opinion: '强制排序', forcedRanking: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wf.forcedRankingFixed.off', field: 'forcedRanking' } });
    const now = await quarter();
    for (const id of IDS.filter((i) => i !== 'S05')) expect(row(now, id), id).toEqual(row(approved, id));
  });

  it('keeps what was approved through dump and load, and the dump reaches a fixed point', async () => {
    await ok(api['plans.save']({ id: 'senior', mode: 'whole', brackets: [{ upTo: null, rate: '0.09' }], newCustomerBonus: '0' }));
    const bundle = await ok(api['bundle.dump']({}));
    expect(bundle.appraisalSnapshots?.length).toBe(6);
    const copy = createApi(createServices(openDatabase(path.join(tempDir(), 'copy.db'), { create: true })));
    await ok(copy['bundle.load']({ bundle }));
    expect((await ok(copy['appraisal.quarter']({ quarter: Q }))).report.rows).toEqual(approved.report.rows);
    expect(JSON.stringify(await ok(copy['bundle.dump']({})))).toBe(JSON.stringify(bundle));
    // A snapshot without the approval it belongs to is refused, naming it, and nothing is written.
    const orphan = { ...bundle, appraisals: bundle.appraisals?.map((a) => (a.salesperson === 'S04' ? { ...a, stage: 'interview' as const } : a)) };
    const refused = await copy['bundle.load']({ bundle: orphan });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bundle.snapshotNotApproved', field: 'appraisalSnapshots[3]' } });
    expect((await ok(copy['appraisal.quarter']({ quarter: Q }))).report.rows).toEqual(approved.report.rows);
  });
});

describe('a bundle from before snapshots', () => {
  it('freezes its approved appraisals at the row they were approved with', async () => {
    ({ file, db, api } = await golden('old.db'));
    const approved = await approveAll(api);
    const { appraisalSnapshots: _dropped, ...old } = await ok(api['bundle.dump']({}));
    const copy = createApi(createServices(openDatabase(path.join(tempDir(), 'old-copy.db'), { create: true })));
    await ok(copy['bundle.load']({ bundle: old }));
    await ok(copy['plans.save']({ id: 'std', mode: 'whole', brackets: [{ upTo: null, rate: '0.09' }], newCustomerBonus: '0' }));
    expect((await ok(copy['appraisal.quarter']({ quarter: Q }))).report.rows).toEqual(approved.report.rows);
    expect((await ok(copy['bundle.dump']({}))).appraisalSnapshots?.[0]).toMatchObject({
      salesperson: 'S01',
      approvedBy: '张总',
      data: { person: null, plan: null },
    });
  });
});

describe('reopening discards the snapshot', () => {
  it('recomputes the reopened person from today’s data, exactly as a quarter never approved', async () => {
    ({ file, db, api } = await golden('reopen.db'));
    const approved = await approveAll(api);
    const change = async (a: Api) => {
      const people = await ok(a['salespeople.list']({}));
      await ok(a['salespeople.update']({ ...people.find((p) => p.id === 'S01')!, performanceBasePay: '20000' }));
      await ok(a['plans.save']({ id: 'senior', mode: 'whole', brackets: [{ upTo: null, rate: '0.02' }], newCustomerBonus: '1000' }));
    };
    await change(api);
    expect(row(await quarter(), 'S01')).toEqual(row(approved, 'S01'));
    await ok(api['workflow.reopen']({ salesperson: 'S01', quarter: Q, by: '张总', reason: '调整提成方案' }));
    expect(listSnapshots(db, Q).map((s) => s.salesperson)).toEqual(['S02', 'S03', 'S04', 'S05', 'S06']);
    const reopened = row(await quarter(), 'S01');

    // The same steps and changes on a second copy that was never approved: the live figures.
    const live = await golden('live.db');
    for (const id of IDS) await throughInterview(live.api, id);
    await change(live.api);
    const expected = row(await ok(live.api['appraisal.quarter']({ quarter: Q })), 'S01');
    expect(reopened).toEqual(expected);
    expect(reopened.performancePay).toBe('26000.00');
    expect(reopened.commission.total).not.toBe(row(approved, 'S01').commission.total);
    // Everyone else still shows what was approved.
    for (const id of IDS.slice(1)) expect(row(await quarter(), id), id).toEqual(row(approved, id));

    // Approve S01 again: a new snapshot, with the new figures.
    await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '重新审定', forcedRanking: false }));
    expect(listSnapshots(db, Q).find((s) => s.salesperson === 'S01')?.data.row).toEqual(expected);
  });
});

describe('partial approval', () => {
  it('approves whoever is ready; the open ones are graded among everyone, approved grades fixed', async () => {
    ({ file, db, api } = await golden('partial.db'));
    for (const id of ['S01', 'S03', 'S04', 'S05', 'S06']) await throughInterview(api, id);
    const first = await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking: true }));
    expect(first.report.appraised).toBe(6);
    const list = await ok(api['workflow.list']({ quarter: Q, today: '2026-10-16' }));
    expect(list.map((i) => i.stage)).toEqual(['approved', 'none', 'approved', 'approved', 'approved', 'approved']);
    // S01 was approved A under forced ranking (A cap 1); S02 (band A) can only be forced down.
    expect(row(first, 'S01')).toMatchObject({ grade: 'A', finalGrade: 'A' });
    await throughInterview(api, 'S02');
    const second = await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking: true }));
    expect(row(second, 'S02')).toMatchObject({ finalGrade: 'B' });
    expect(row(second, 'S01')).toEqual(row(first, 'S01'));
    expect((await ok(api['workflow.list']({ quarter: Q }))).map((i) => `${i.salesperson} ${i.stage}`)).toEqual(IDS.map((id) => `${id} approved`));
  });
});

describe('migration 007', () => {
  it('turns an approval made before snapshots into a snapshot of its stored row', () => {
    const f = path.join(tempDir(), 'v6.db');
    const raw = new Database(f);
    migrate(raw, f, 6);
    raw.exec("INSERT INTO salespeople (id, name) VALUES ('S1', '张三'), ('S2', '李四')");
    const result = JSON.stringify({ salesperson: 'S1', total: '91.50', finalGrade: 'A' });
    raw
      .prepare(
        "INSERT INTO appraisals (salesperson_id, quarter, stage, steps, forced_ranking, result, updated_at) VALUES ('S1', '2026Q3', 'approved', ?, 1, ?, '2026-10-20T01:00:00Z')",
      )
      .run(JSON.stringify({ approved: { by: '张总', at: '2026-10-20T00:00:00Z', opinion: '同意' } }), result);
    raw.prepare("INSERT INTO appraisals (salesperson_id, quarter, stage, steps, updated_at) VALUES ('S2', '2026Q3', 'interview', '{}', '2026-10-15')").run();
    raw.close();
    const upgraded = openDatabase(f);
    expect(listSnapshots(upgraded, '2026Q3')).toEqual([
      {
        salesperson: 'S1',
        quarter: '2026Q3',
        approvedAt: '2026-10-20T00:00:00Z',
        approvedBy: '张总',
        data: {
          row: JSON.parse(result) as unknown,
          forcedRanking: true,
          distribution: null,
          person: null,
          plan: null,
          settings: null,
          indicators: null,
          adjustments: null,
          excluded: null,
        },
      },
    ]);
    upgraded.close();
  });
});

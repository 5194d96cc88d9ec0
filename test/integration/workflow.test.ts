import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { deadlines, textLength } from '../../shared/workflow/steps';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { LONG, COMMENT, ok, throughInterview as throughInterviewOf } from '../goldenWorkflow';
import { GOLDEN, readJson, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;
const Q = '2026Q3';

beforeEach(async () => {
  db = openDatabase(path.join(tempDir(), 'workflow.db'), { create: true });
  api = createApi(createServices(db));
  await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
});

const throughInterview = (salesperson: string) => throughInterviewOf(api, salesperson);

describe('deadlines (SPEC §8)', () => {
  it('puts each step on its day, and every Q4 step by 15 January', () => {
    expect(deadlines('2026Q3')).toEqual({
      targets: '2026-07-15',
      formsOut: '2026-10-05',
      self: '2026-10-10',
      review: '2026-10-13',
      interview: '2026-10-15',
      approved: '2026-10-20',
    });
    expect(deadlines('2026Q4')).toMatchObject({ targets: '2026-10-15', self: '2027-01-15', interview: '2027-01-15', approved: '2027-01-15' });
  });

  it('counts a CJK character as one', () => {
    expect(textLength('汉字abc')).toBe(5);
  });
});

describe('the steps and their checks', () => {
  it('takes the steps in order', async () => {
    const early = await api['workflow.selfAssess']({ salesperson: 'S01', quarter: Q, by: '江霞', text: LONG, scores: {} });
    expect(early).toMatchObject({ ok: false, error: { code: 'wf.order' } });
  });

  it('needs 100 characters of self-evaluation and reviewer comment, a CJK character counting 1', async () => {
    await ok(api['workflow.confirmTargets']({ salesperson: 'S01', quarter: Q, by: '王经理' }));
    const short = await api['workflow.selfAssess']({ salesperson: 'S01', quarter: Q, by: '江霞', text: '好'.repeat(99), scores: {} });
    expect(short).toMatchObject({ ok: false, error: { code: 'wf.textShort', field: 'text' } });
    await ok(api['workflow.selfAssess']({ salesperson: 'S01', quarter: Q, by: '江霞', text: '好'.repeat(100), scores: {} }));
  });

  it('needs self and reviewer scores for manual items (peer review)', async () => {
    await ok(api['workflow.confirmTargets']({ salesperson: 'S02', quarter: Q, by: '王经理' }));
    const missing = await api['workflow.selfAssess']({ salesperson: 'S02', quarter: Q, by: '秦欣怡', text: LONG, scores: {} });
    expect(missing).toMatchObject({ ok: false, error: { code: 'wf.manualScore', field: 'scores.peer_review' } });
  });

  it('needs an interview of 30 minutes with place, comment, agreed targets and the paper signed', async () => {
    await ok(api['workflow.confirmTargets']({ salesperson: 'S01', quarter: Q, by: '王经理' }));
    await ok(api['workflow.selfAssess']({ salesperson: 'S01', quarter: Q, by: '江霞', text: LONG, scores: {} }));
    await ok(api['workflow.review']({ salesperson: 'S01', quarter: Q, by: '王经理', scores: {} }));
    const base = {
      salesperson: 'S01',
      quarter: Q,
      by: '王经理',
      date: '2026-10-14',
      place: '会议室',
      minutes: 30,
      comment: COMMENT,
      nextTargetsAgreed: true as const,
      signedOn: '2026-10-14',
    };
    expect(await api['workflow.interview']({ ...base, minutes: 29 })).toMatchObject({ ok: false, error: { code: 'wf.interviewShort', field: 'minutes' } });
    expect(await api['workflow.interview']({ ...base, comment: '很好' })).toMatchObject({ ok: false, error: { code: 'wf.textShort', field: 'comment' } });
    expect(await api['workflow.interview']({ ...base, nextTargetsAgreed: false as unknown as true })).toMatchObject({
      ok: false,
      error: { field: 'nextTargetsAgreed' },
    });
    expect(await api['workflow.interview']({ ...base, place: '' })).toMatchObject({ ok: false, error: { field: 'place' } });
    expect(await ok(api['workflow.interview'](base))).toMatchObject({ stage: 'interview' });
  });

  it('approves whoever has had the interview, and refuses when nobody has', async () => {
    await ok(api['workflow.confirmTargets']({ salesperson: 'S02', quarter: Q, by: '王经理' }));
    const refused = await api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wf.notReady' } });
    expect(refused.ok ? '' : refused.error.message).toContain('秦欣怡');
    await throughInterview('S01');
    const approved = await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' }));
    // The distribution check still covers everyone appraised in the quarter.
    expect(approved.report.appraised).toBe(6);
    const list = await ok(api['workflow.list']({ quarter: Q }));
    expect(list.filter((i) => i.stage === 'approved').map((i) => i.salesperson)).toEqual(['S01']);
  });

  it('lets a reopened person be approved again while the others stay approved', async () => {
    for (const id of ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']) await throughInterview(id);
    await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' }));
    await ok(api['workflow.reopen']({ salesperson: 'S03', quarter: Q, by: '张总', reason: '复核面谈记录' }));
    await ok(
      api['workflow.interview']({
        salesperson: 'S03',
        quarter: Q,
        by: '王经理',
        date: '2026-10-16',
        place: '公司会议室',
        minutes: 40,
        comment: COMMENT,
        nextTargetsAgreed: true,
        signedOn: '2026-10-16',
      }),
    );
    await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' }));
    const list = await ok(api['workflow.list']({ quarter: Q }));
    expect(list.map((i) => `${i.salesperson} ${i.stage}`)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06'].map((id) => `${id} approved`));
  });
});

describe('approval, the read-only rule and reopening', () => {
  async function approveAll(forcedRanking: boolean) {
    for (const id of ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']) await throughInterview(id);
    return ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意', forcedRanking }));
  }

  it('applies forced ranking only when the approver asks, and keeps the result', async () => {
    const approved = await approveAll(true);
    const s02 = approved.report.rows.find((r) => r.salesperson === 'S02');
    expect(s02).toMatchObject({ grade: 'A', forcedGrade: 'B', finalGrade: 'B', coefficient: '1.1', performancePay: '2750.00' });
    expect(approved.report.distribution.compliant).toBe(false);
    const list = await ok(api['workflow.list']({ quarter: Q, today: '2026-10-21' }));
    expect(list.map((item) => `${item.salesperson} ${item.stage}→${item.next}`)).toEqual(
      ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'].map((id) => `${id} approved→archived`),
    );
    expect((list[1]?.record.result as { finalGrade: string }).finalGrade).toBe('B');
  });

  it('keeps the workflow through a dump and a load', async () => {
    await approveAll(true);
    const bundle = await ok(api['bundle.dump']({}));
    const other = createApi(createServices(openDatabase(path.join(tempDir(), 'copy.db'), { create: true })));
    await ok(other['bundle.load']({ bundle }));
    const list = await ok(other['workflow.list']({ quarter: Q, today: '2026-10-21' }));
    expect(list.map((i) => i.stage)).toEqual(['approved', 'approved', 'approved', 'approved', 'approved', 'approved']);
    expect((await ok(other['bundle.dump']({}))).appraisals).toEqual(bundle.appraisals);
    expect((await ok(other['appraisal.quarter']({ quarter: Q }))).report.rows[1]?.finalGrade).toBe('B');
  });

  it('refuses every change that feeds an approved appraisal, naming it', async () => {
    await approveAll(false);
    const locked = /江霞（S01）2026Q3 的考核已审定/;
    const deal = {
      id: 'D0004',
      contractNo: 'HL20260004',
      salesperson: 'S01',
      customer: 'C002',
      signedOn: '2026-07-26',
      currency: 'USD',
      amount: '1.00',
      status: 'active' as const,
    };
    const refusals = [
      await api['deals.update'](deal),
      await api['deals.delete']({ id: 'D0004' }),
      await api['errors.create']({ salesperson: 'S01', date: '2026-08-01' }),
      await api['documents.set']({ salesperson: 'S01', quarter: Q, count: 1 }),
      await api['targets.set']({ salesperson: 'S01', quarter: Q, indicators: [{ kpi: 'settled', weight: 100, target: '1' }] }),
      await api['adjustments.create']({ salesperson: 'S01', period: Q, points: '1', reason: 'x' }),
      await api['receipts.create']({ valueDate: '2026-08-01', currency: 'CNY', amount: '1', customer: 'C001' }),
    ];
    for (const r of refusals) expect(r.ok ? 'saved' : r.error.message).toMatch(locked);
    const rate = await api['fxRates.set']({ month: '2026-08', currency: 'USD', rate: '9' });
    expect(rate).toMatchObject({ ok: false, error: { code: 'wf.locked' } });
    // Other quarters stay open.
    await ok(api['errors.create']({ salesperson: 'S01', date: '2026-11-01' }));
  });

  it('reopens with a reason, in the audit log, and then allows changes', async () => {
    await approveAll(false);
    const noReason = await api['workflow.reopen']({ salesperson: 'S01', quarter: Q, by: '张总', reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { field: 'reason' } });
    await ok(api['workflow.reopen']({ salesperson: 'S01', quarter: Q, by: '张总', reason: '漏记一笔差错' }));
    await ok(api['errors.create']({ salesperson: 'S01', date: '2026-08-01', note: '补记' }));
    const audit = await ok(api['audit.list']({ limit: 500 }));
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toContain('workflow.reopen');
    expect(actions).toContain('workflow.approve');
    expect(JSON.stringify(audit.rows.find((r) => r.action === 'workflow.reopen')?.detail)).toContain('漏记一笔差错');
  });

  it("lets the approver override one person's total with a reason", async () => {
    await ok(api['workflow.override']({ salesperson: 'S05', quarter: Q, by: '张总', total: '66', reason: '开拓新市场，酌情调整' }));
    const { report } = await ok(api['appraisal.quarter']({ quarter: Q }));
    expect(report.rows.find((r) => r.salesperson === 'S05')).toMatchObject({ total: '66.00', grade: 'C' });
    const audit = await ok(api['audit.list']({}));
    expect(audit.rows[0]).toMatchObject({ action: 'workflow.override' });
  });

  it('shows what is due and overdue', async () => {
    await throughInterview('S01');
    const due = await ok(api['workflow.due']({ today: '2026-10-16' }));
    const s01 = due.find((d) => d.salesperson === 'S01' && d.quarter === Q);
    expect(s01).toMatchObject({ next: 'approved', due: '2026-10-20', overdue: false });
    expect(due.find((d) => d.salesperson === 'S02' && d.quarter === Q)).toMatchObject({ next: 'targets', overdue: true });
    const q4 = due.filter((d) => d.quarter === '2026Q4');
    expect(q4.length, '2026Q4 entries due').toBeGreaterThan(0);
    expect(
      q4.filter((d) => !(d.next === 'targets' && d.due === '2026-10-15' && d.overdue)),
      '2026Q4 entries not overdue for targets on 2026-10-15',
    ).toEqual([]);
  });
});

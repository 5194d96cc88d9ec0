import type { ApiHandlers, WorkflowItem } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { targetSheetProblems } from '../../shared/engine/targetSheet';
import type { AppraisalRecord } from '../../shared/entities';
import { previousQuarter, quarterOfDate, quarterRange } from '../../shared/quarter';
import { deadlines, isApproved, nextStep, stepIndex, type Stage, type Step } from '../../shared/workflow/steps';
import type { ReadDb, WriteDb } from '../db/handles';
import { emptyAppraisal, getAppraisal, listAppraisals, saveAppraisal } from '../db/repositories/appraisals';
import { getSalesperson, listSalespeople } from '../db/repositories/salespeople';
import { getTargetSheet, listTargetSheets } from '../db/repositories/targets';
import { computeQuarter } from './appraisalService';
import { deleteSnapshot, insertSnapshot, listSnapshots } from '../db/repositories/appraisalSnapshots';
import { listAdjustments } from '../db/repositories/adjustments';
import { excludedReceiptsByPerson } from '../db/commissionStatementFacts';
import { listPlans } from '../db/repositories/commissionPlans';
import { getSettings } from '../db/repositories/company';
import type { SnapshotData } from '../../shared/workflow/snapshot';
import { read, write, type AuditNote, type ServiceHandlers } from './markers';

import { STEP_NAMES_ZH as STEP_NAMES } from '../../shared/i18n/names';

const now = () => new Date().toISOString();

function nameOf(db: ReadDb, salesperson: string): string {
  return getSalesperson(db, salesperson)?.name ?? salesperson;
}

function load(db: ReadDb, salesperson: string, quarter: string): AppraisalRecord {
  return getAppraisal(db, salesperson, quarter) ?? emptyAppraisal(salesperson, quarter);
}

/** A step needs the one before it done, and nothing may change once approved. */
function requireBefore(db: ReadDb, record: AppraisalRecord, step: Step): void {
  const params = { name: nameOf(db, record.salesperson), salesperson: record.salesperson, quarter: record.quarter };
  if (isApproved(record.stage)) throw new DomainError('wf.locked', params);
  const previous = stepIndex(step) - 1;
  if (stepIndex(record.stage) < previous) throw new DomainError('wf.order', { ...params, step: STEP_NAMES[nextStep(record.stage) ?? 'targets'] });
}

function advance(record: AppraisalRecord, step: Step): Stage {
  return stepIndex(step) > stepIndex(record.stage) ? step : record.stage;
}

/** Manual items (peer review, custom indicators) need a score at self-assessment and review. */
function requireManualScores(db: ReadDb, record: AppraisalRecord, scores: Record<string, string>): void {
  const sheet = getTargetSheet(db, record.salesperson, record.quarter);
  for (const item of sheet?.indicators ?? []) {
    const key = item.kpi === 'custom' ? `custom:${item.name ?? ''}` : item.kpi;
    if ((item.kpi === 'peer_review' || item.kpi === 'custom') && scores[key] === undefined) {
      throw new DomainError('wf.manualScore', { item: item.name ?? '民主评议' }, { field: `scores.${key}` });
    }
  }
}

function step(db: WriteDb, record: AppraisalRecord, done: Step, patch: Partial<AppraisalRecord>): AppraisalRecord {
  const saved = { ...record, ...patch, stage: advance(record, done) };
  saveAppraisal(db, saved);
  return saved;
}

/** The people with targets in the quarter, and where each appraisal stands. */
export function workflowList(db: ReadDb, quarter: string, today: string): WorkflowItem[] {
  const records = new Map(listAppraisals(db, quarter).map((r) => [r.salesperson, r]));
  const due = deadlines(quarter);
  return listTargetSheets(db, quarter)
    .map((sheet) => sheet.salesperson)
    .sort()
    .map((salesperson) => {
      const record = records.get(salesperson) ?? emptyAppraisal(salesperson, quarter);
      const next = nextStep(record.stage);
      const dueOn = next && next !== 'archived' ? due[next] : null;
      return { salesperson, name: nameOf(db, salesperson), quarter, stage: record.stage, next, due: dueOn, overdue: dueOn !== null && today > dueOn, record };
    });
}

/** What is due or overdue now: the last quarter's appraisal steps and this quarter's targets. */
export function dueItems(db: ReadDb, today: string): WorkflowItem[] {
  const current = quarterOfDate(today);
  const last = workflowList(db, previousQuarter(current), today).filter((item) => item.next !== null && item.next !== 'archived');
  const records = new Map(listAppraisals(db, current).map((r) => [r.salesperson, r]));
  const targetsDue = deadlines(current).targets;
  const targets = listSalespeople(db)
    .filter((p) => stepIndex(records.get(p.id)?.stage ?? 'none') < stepIndex('targets'))
    .map((p) => ({
      salesperson: p.id,
      name: p.name,
      quarter: current,
      stage: records.get(p.id)?.stage ?? ('none' as Stage),
      next: 'targets' as Step,
      due: targetsDue,
      overdue: today > targetsDue,
      record: records.get(p.id) ?? emptyAppraisal(p.id, current),
    }));
  return [...last, ...targets];
}

/**
 * 审定: approves everyone of the quarter whose interview is done, storing each one's snapshot
 * (STYLE rule 16). People not ready yet stay open and can be approved later; the distribution
 * check covers everyone appraised in the quarter. Once anybody is approved the quarter's
 * forced-ranking choice is fixed: a different choice is refused like any other change.
 */
function approve(db: WriteDb, args: Parameters<ApiHandlers['workflow.approve']>[0], audit: { note(entry: AuditNote): void }) {
  const people = workflowList(db, args.quarter, now().slice(0, 10));
  const ready = people.filter((p) => p.stage === 'interview');
  if (ready.length === 0) {
    const waiting = people.filter((p) => stepIndex(p.stage) < stepIndex('interview'));
    throw new DomainError('wf.notReady', { quarter: args.quarter, names: waiting.map((p) => p.name).join('、') || '—' });
  }
  const earlier = listSnapshots(db, args.quarter);
  const fixedChoice = earlier[0]?.data.forcedRanking;
  if (fixedChoice !== undefined && fixedChoice !== args.forcedRanking) {
    throw new DomainError(fixedChoice ? 'wf.forcedRankingFixed.on' : 'wf.forcedRankingFixed.off', { quarter: args.quarter }, { field: 'forcedRanking' });
  }
  const settings = getSettings(db);
  const persons = new Map(listSalespeople(db).map((p) => [p.id, p]));
  const plans = new Map(listPlans(db).map((p) => [p.id, p]));
  const computed = computeQuarter(db, args.quarter, { settings, people: persons, plans }, { forcedRanking: args.forcedRanking });
  const { caps, counts, compliant } = computed.report.distribution;
  const distribution = { appraised: computed.report.appraised, caps, counts, compliant };
  const sheets = new Map(listTargetSheets(db, args.quarter).map((sheet) => [sheet.salesperson, sheet.indicators]));
  const adjustments = listAdjustments(db, { period: args.quarter });
  const excluded = excludedReceiptsByPerson(db, quarterRange(args.quarter));
  const at = now();
  for (const item of ready) {
    const row = computed.report.rows.find((r) => r.salesperson === item.salesperson);
    if (!row) continue;
    const person = persons.get(item.salesperson) ?? null;
    const data: SnapshotData = {
      row,
      forcedRanking: args.forcedRanking,
      distribution,
      person,
      plan: (person?.commissionPlan && plans.get(person.commissionPlan)) || null,
      settings: { ...settings, forcedRanking: args.forcedRanking },
      indicators: [...(sheets.get(item.salesperson) ?? [])],
      adjustments: adjustments.filter((a) => a.salesperson === item.salesperson),
      excluded: excluded.get(item.salesperson) ?? [],
    };
    insertSnapshot(db, { salesperson: item.salesperson, quarter: args.quarter, approvedAt: at, approvedBy: args.by, data });
    const record = load(db, item.salesperson, args.quarter);
    const opinion = args.opinions[item.salesperson] ?? args.opinion;
    saveAppraisal(db, {
      ...record,
      stage: 'approved',
      steps: { ...record.steps, approved: { by: args.by, at, opinion } },
      forcedRanking: args.forcedRanking,
      result: row,
    });
  }
  const open = people.filter((p) => stepIndex(p.stage) < stepIndex('approved') && !ready.includes(p)).map((p) => p.salesperson);
  // The approval's one audit entry (services/index.ts writes it) says who was approved and who stays open.
  audit.note({
    entityId: args.quarter,
    detail: { forcedRanking: args.forcedRanking, approved: ready.map((p) => p.salesperson), open, distribution: computed.report.distribution },
  });
  return computeQuarter(db, args.quarter);
}

export function workflowHandlers(): ServiceHandlers<
  | 'workflow.list'
  | 'workflow.due'
  | 'workflow.confirmTargets'
  | 'workflow.selfAssess'
  | 'workflow.review'
  | 'workflow.interview'
  | 'workflow.override'
  | 'workflow.approve'
  | 'workflow.archive'
  | 'workflow.reopen'
> {
  return {
    'workflow.list': read((db, { quarter, today }) => workflowList(db, quarter, today ?? now().slice(0, 10))),
    'workflow.due': read((db, { today }) => dueItems(db, today ?? now().slice(0, 10))),
    'workflow.confirmTargets': write((db, { salesperson, quarter, by }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'targets');
      const sheet = getTargetSheet(db, salesperson, quarter);
      if (!sheet || targetSheetProblems(sheet.indicators).length > 0)
        throw new DomainError('wf.noTargets', { name: nameOf(db, salesperson), salesperson, quarter });
      return step(db, record, 'targets', { steps: { ...record.steps, targets: { by, at: now() } } });
    }),
    'workflow.selfAssess': write((db, { salesperson, quarter, by, text, scores }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'self');
      requireManualScores(db, record, scores);
      return step(db, record, 'self', { steps: { ...record.steps, self: { by, at: now(), text: text.trim(), scores } } });
    }),
    'workflow.review': write((db, { salesperson, quarter, by, scores }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'review');
      requireManualScores(db, record, scores);
      return step(db, record, 'review', { steps: { ...record.steps, review: { by, at: now(), scores } } });
    }),
    'workflow.interview': write((db, { salesperson: _s, quarter: _q, ...interview }) => {
      const record = load(db, _s, _q);
      requireBefore(db, record, 'interview');
      return step(db, record, 'interview', { steps: { ...record.steps, interview: { ...interview, comment: interview.comment.trim(), at: now() } } });
    }),
    'workflow.override': write((db, { salesperson, quarter, total, reason }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'targets');
      saveAppraisal(db, { ...record, overrideTotal: total, overrideReason: reason });
      return load(db, salesperson, quarter);
    }),
    'workflow.approve': write((db, args, audit) => approve(db, args, audit)),
    'workflow.archive': write((db, { quarter, by }) => {
      const records = listAppraisals(db, quarter);
      if (records.length === 0 || records.some((r) => r.stage !== 'approved' && r.stage !== 'archived')) throw new DomainError('wf.notApproved', { quarter });
      const at = now();
      for (const r of records) if (r.stage === 'approved') saveAppraisal(db, { ...r, stage: 'archived', steps: { ...r.steps, archived: { by, at } } });
      return listAppraisals(db, quarter);
    }),
    'workflow.reopen': write((db, { salesperson, quarter, by, reason }, audit) => {
      const record = load(db, salesperson, quarter);
      if (stepIndex(record.stage) < stepIndex('approved'))
        throw new DomainError('wf.notApprovedPerson', { name: nameOf(db, salesperson), salesperson, quarter });
      const { approved: _a, archived: _r, ...steps } = record.steps;
      // The snapshot goes (kept in the log): from now on the person is computed from today's data.
      const discarded = listSnapshots(db, quarter).find((s) => s.salesperson === salesperson) ?? null;
      deleteSnapshot(db, salesperson, quarter);
      saveAppraisal(db, { ...record, stage: 'interview', steps, result: null });
      audit.note({ entityId: salesperson, detail: { salesperson, quarter, by, reason, discarded } });
      return load(db, salesperson, quarter);
    }),
  };
}

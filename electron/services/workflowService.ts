import type { ApiHandlers, WorkflowItem } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { targetSheetProblems } from '../../shared/engine/targetSheet';
import type { AppraisalRecord } from '../../shared/entities';
import { previousQuarter, quarterOfDate } from '../../shared/quarter';
import { deadlines, nextStep, stepIndex, type Stage, type Step } from '../../shared/workflow/steps';
import type { Db } from '../db/connection';
import { emptyAppraisal, getAppraisal, listAppraisals, saveAppraisal } from '../db/repositories/appraisals';
import { appendAudit } from '../db/repositories/auditLog';
import { getSalesperson, listSalespeople } from '../db/repositories/salespeople';
import { getTargetSheet, listTargetSheets } from '../db/repositories/targets';
import { computeQuarter } from './appraisalService';

const STEP_NAMES: Record<Step, string> = { targets: '目标设定', self: '自评', review: '复评', interview: '面谈', approved: '审定', archived: '归档' };

const now = () => new Date().toISOString();

function nameOf(db: Db, salesperson: string): string {
  return getSalesperson(db, salesperson)?.name ?? salesperson;
}

function load(db: Db, salesperson: string, quarter: string): AppraisalRecord {
  return getAppraisal(db, salesperson, quarter) ?? emptyAppraisal(salesperson, quarter);
}

/** A step needs the one before it done, and nothing may change once approved. */
function requireBefore(db: Db, record: AppraisalRecord, step: Step): void {
  const params = { name: nameOf(db, record.salesperson), salesperson: record.salesperson, quarter: record.quarter };
  if (stepIndex(record.stage) >= stepIndex('approved')) throw new DomainError('wf.locked', params);
  const previous = stepIndex(step) - 1;
  if (stepIndex(record.stage) < previous) throw new DomainError('wf.order', { ...params, step: STEP_NAMES[nextStep(record.stage) ?? 'targets'] });
}

function advance(record: AppraisalRecord, step: Step): Stage {
  return stepIndex(step) > stepIndex(record.stage) ? step : record.stage;
}

/** Manual items (peer review, custom indicators) need a score at self-assessment and review. */
function requireManualScores(db: Db, record: AppraisalRecord, scores: Record<string, string>): void {
  const sheet = getTargetSheet(db, record.salesperson, record.quarter);
  for (const item of sheet?.indicators ?? []) {
    const key = item.kpi === 'custom' ? `custom:${item.name ?? ''}` : item.kpi;
    if ((item.kpi === 'peer_review' || item.kpi === 'custom') && scores[key] === undefined) {
      throw new DomainError('wf.manualScore', { item: item.name ?? '民主评议' }, { field: `scores.${key}` });
    }
  }
}

function step(db: Db, record: AppraisalRecord, done: Step, patch: Partial<AppraisalRecord>): AppraisalRecord {
  const saved = { ...record, ...patch, stage: advance(record, done) };
  saveAppraisal(db, saved);
  return saved;
}

/** The people with targets in the quarter, and where each appraisal stands. */
export function workflowList(db: Db, quarter: string, today: string): WorkflowItem[] {
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
export function dueItems(db: Db, today: string): WorkflowItem[] {
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

/** Approves the quarter for everyone with targets: final totals and grades kept with each. */
function approve(db: Db, args: Parameters<ApiHandlers['workflow.approve']>[0]) {
  const people = workflowList(db, args.quarter, now().slice(0, 10));
  const notReady = people.filter((p) => stepIndex(p.stage) < stepIndex('interview'));
  if (people.length === 0 || notReady.length > 0) {
    throw new DomainError('wf.notReady', { quarter: args.quarter, names: notReady.map((p) => p.name).join('、') || '—' });
  }
  const locked = people.find((p) => stepIndex(p.stage) >= stepIndex('approved'));
  if (locked) throw new DomainError('wf.locked', { name: locked.name, salesperson: locked.salesperson, quarter: args.quarter });
  const computed = computeQuarter(db, args.quarter, undefined, { forcedRanking: args.forcedRanking });
  const at = now();
  for (const row of computed.report.rows) {
    const record = load(db, row.salesperson, args.quarter);
    const opinion = args.opinions[row.salesperson] ?? args.opinion;
    saveAppraisal(db, { ...record, stage: 'approved', steps: { ...record.steps, approved: { by: args.by, at, opinion } }, forcedRanking: args.forcedRanking, result: row });
  }
  appendAudit(db, { action: 'workflow.approve', actor: args.by, entityId: args.quarter, detail: { forcedRanking: args.forcedRanking, distribution: computed.report.distribution } });
  return computed;
}

export function workflowHandlers(db: Db): Pick<
  ApiHandlers,
  'workflow.list' | 'workflow.due' | 'workflow.confirmTargets' | 'workflow.selfAssess' | 'workflow.review' | 'workflow.interview' | 'workflow.override' | 'workflow.approve' | 'workflow.archive' | 'workflow.reopen'
> {
  return {
    'workflow.list': ({ quarter, today }) => workflowList(db, quarter, today ?? now().slice(0, 10)),
    'workflow.due': ({ today }) => dueItems(db, today ?? now().slice(0, 10)),
    'workflow.confirmTargets': ({ salesperson, quarter, by }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'targets');
      const sheet = getTargetSheet(db, salesperson, quarter);
      if (!sheet || targetSheetProblems(sheet.indicators).length > 0) throw new DomainError('wf.noTargets', { name: nameOf(db, salesperson), salesperson, quarter });
      return step(db, record, 'targets', { steps: { ...record.steps, targets: { by, at: now() } } });
    },
    'workflow.selfAssess': ({ salesperson, quarter, by, text, scores }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'self');
      requireManualScores(db, record, scores);
      return step(db, record, 'self', { steps: { ...record.steps, self: { by, at: now(), text: text.trim(), scores } } });
    },
    'workflow.review': ({ salesperson, quarter, by, scores }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'review');
      requireManualScores(db, record, scores);
      return step(db, record, 'review', { steps: { ...record.steps, review: { by, at: now(), scores } } });
    },
    'workflow.interview': ({ salesperson: _s, quarter: _q, ...interview }) => {
      const record = load(db, _s, _q);
      requireBefore(db, record, 'interview');
      return step(db, record, 'interview', { steps: { ...record.steps, interview: { ...interview, comment: interview.comment.trim(), at: now() } } });
    },
    'workflow.override': ({ salesperson, quarter, total, reason }) => {
      const record = load(db, salesperson, quarter);
      requireBefore(db, record, 'targets');
      saveAppraisal(db, { ...record, overrideTotal: total, overrideReason: reason });
      return load(db, salesperson, quarter);
    },
    'workflow.approve': (args) => approve(db, args),
    'workflow.archive': ({ quarter, by }) => {
      const records = listAppraisals(db, quarter);
      if (records.length === 0 || records.some((r) => r.stage !== 'approved' && r.stage !== 'archived')) throw new DomainError('wf.notApproved', { quarter });
      const at = now();
      for (const r of records) if (r.stage === 'approved') saveAppraisal(db, { ...r, stage: 'archived', steps: { ...r.steps, archived: { by, at } } });
      return listAppraisals(db, quarter);
    },
    'workflow.reopen': ({ salesperson, quarter }) => {
      const record = load(db, salesperson, quarter);
      if (stepIndex(record.stage) < stepIndex('approved')) throw new DomainError('wf.notApprovedPerson', { name: nameOf(db, salesperson), salesperson, quarter });
      const { approved: _a, archived: _r, ...steps } = record.steps;
      saveAppraisal(db, { ...record, stage: 'interview', steps, result: null });
      return load(db, salesperson, quarter);
    },
  };
}

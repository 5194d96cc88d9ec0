import type { KpiKey } from '../domain';
import type { Step } from '../workflow/steps';
import type { Lang } from './messages';

/**
 * The one home of the indicator (KPI) names and the workflow step names (issue 12): the Excel
 * forms, the command line, the services and the screens all read them here, so renaming 差错率 is
 * one edit, not five.
 */
export const KPI_NAMES: Record<Lang, Record<KpiKey, string>> = {
  'zh-CN': {
    deal_volume: '成交额',
    settled: '结汇额',
    new_customers: '新客户',
    error_rate: '差错率',
    collection_rate: '回款率',
    overdue_rate: '逾期率',
    peer_review: '民主评议',
    custom: '自定义',
  },
  en: {
    deal_volume: 'Deal volume',
    settled: 'Settled',
    new_customers: 'New customers',
    error_rate: 'Error rate',
    collection_rate: 'Collection rate',
    overdue_rate: 'Overdue rate',
    peer_review: 'Peer review',
    custom: 'Custom',
  },
};

/** The quarterly appraisal's steps (SPEC §8) as people call them. */
export const STEP_NAMES: Record<Lang, Record<Step, string>> = {
  'zh-CN': { targets: '目标设定', self: '自评', review: '复评', interview: '面谈', approved: '审定', archived: '归档' },
  en: { targets: 'Targets', self: 'Self-assessment', review: 'Review', interview: 'Interview', approved: 'Approval', archived: 'Archive' },
};

/** The Chinese step names, as the services write them into messages and the audit log. */
export const STEP_NAMES_ZH = STEP_NAMES['zh-CN'];

/** An indicator's name; a key the company does not know yet is shown as itself. */
export function kpiName(kpi: string, lang: Lang = 'zh-CN'): string {
  const names: Record<string, string> = KPI_NAMES[lang];
  return names[kpi] ?? kpi;
}

/** A workflow step's name. */
export function stepName(step: Step, lang: Lang = 'zh-CN'): string {
  return STEP_NAMES[lang][step];
}

/** The indicator names as UI keys (`kpi.settled`), so the screens' catalogues take them from here. */
export function kpiKeys(lang: Lang): Record<`kpi.${KpiKey}`, string> {
  return Object.fromEntries(Object.entries(KPI_NAMES[lang]).map(([k, v]) => [`kpi.${k}`, v])) as Record<`kpi.${KpiKey}`, string>;
}

/** The step names as UI keys (`wf.step.self`). */
export function stepKeys(lang: Lang): Record<`wf.step.${Step}`, string> {
  return Object.fromEntries(Object.entries(STEP_NAMES[lang]).map(([k, v]) => [`wf.step.${k}`, v])) as Record<`wf.step.${Step}`, string>;
}

import type { AppraisalWarning } from '../../shared/api/contract';
import type { AppraisalPerson, AppraisalReport } from '../../shared/engine/appraisal';
import { message, type MessageKey, type MessageParams } from '../../shared/i18n/messages';

function warning(code: MessageKey, params: MessageParams): AppraisalWarning {
  return { code, params, message: message(code, params) };
}

/**
 * What the owner should check before trusting a quarter: unmatched money, people whose error
 * rate drops out, people without a commission plan, and a breached distribution.
 */
export function appraisalWarnings(report: AppraisalReport, people: readonly AppraisalPerson[]): AppraisalWarning[] {
  const warnings: AppraisalWarning[] = [];
  const { count, cny } = report.unmatchedReceipts;
  if (count > 0) warnings.push(warning('warn.unmatched', { count, cny }));
  for (const row of report.rows) {
    if (row.indicators.some((i) => i.kpi === 'error_rate' && i.score === null)) {
      warnings.push(warning('warn.errorRateNA', { name: row.name, id: row.salesperson }));
    }
  }
  for (const person of people) {
    if (person.plan.brackets.length === 0) warnings.push(warning('warn.noPlan', { name: person.name, id: person.id }));
  }
  const { counts, caps, compliant } = report.distribution;
  if (!compliant) {
    const shown = { S: counts.S, A: counts.A, SA: counts.S + counts.A, CD: counts.C + counts.D };
    warnings.push(warning('warn.distribution', { ...shown, capS: caps.S, capA: caps.A, capSA: caps.SA, capCD: caps.CD }));
  }
  return warnings;
}

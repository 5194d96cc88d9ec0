import type { ApiHandlers, ExportedForm } from '../../shared/api/contract';
import type { Salesperson } from '../../shared/domain';
import { listPlans } from '../db/repositories/commissionPlans';
import { getCompany, getSettings } from '../db/repositories/company';
import type { Db } from '../db/connection';
import { listAdjustments } from '../db/repositories/adjustments';
import { listAppraisals } from '../db/repositories/appraisals';
import { listSalespeople } from '../db/repositories/salespeople';
import { listTargetSheets } from '../db/repositories/targets';
import { cachedQuarter } from '../services/appraisalService';
import { computeReceivables } from '../services/receivablesService';
import { DomainError } from '../../shared/api/errors';
import { quarterRange } from '../../shared/quarter';
import type { PersonForm } from './formSheet';
import { formsWorkbook } from './formWorkbook';
import { importSelfReview } from './selfReviewImport';

/** Each person's outstanding and overdue at the quarter's end; null when a rate for that month is missing. */
function receivablesAtQuarterEnd(db: Db, quarter: string): { asOf: string; people: Map<string, { outstanding: string; overdue: string }> } | null {
  const asOf = quarterRange(quarter).to;
  try {
    const report = computeReceivables(db, asOf);
    return { asOf, people: new Map(report.salespeople.map((p) => [p.salesperson, { outstanding: p.outstanding, overdue: p.overdue }])) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'appraise.missingRate') return null;
    throw error;
  }
}

/** Everything the forms of a quarter show, gathered once. */
function gather(db: Db, quarter: string): { company: string; report: ReturnType<typeof cachedQuarter>['report']; forms: PersonForm[]; people: Map<string, Salesperson> } {
  const { report } = cachedQuarter(db, quarter);
  const people = new Map(listSalespeople(db).map((p) => [p.id, p]));
  const plans = new Map(listPlans(db).map((p) => [p.id, p]));
  const sheets = new Map(listTargetSheets(db, quarter).map((s) => [s.salesperson, s.indicators]));
  const records = new Map(listAppraisals(db, quarter).map((r) => [r.salesperson, r]));
  const adjustments = listAdjustments(db, { period: quarter });
  const settings = getSettings(db);
  const company = getCompany(db)?.name ?? '';
  const owed = settings.paymentTerms.length > 0 ? receivablesAtQuarterEnd(db, quarter) : undefined;
  const forms = report.rows.map((row): PersonForm => {
    const person = people.get(row.salesperson) ?? { id: row.salesperson, name: row.name, department: null, hiredOn: null, monthlyBaseSalary: '0', performanceBasePay: '0', commissionPlan: null };
    return {
      company,
      quarter,
      row,
      person,
      indicators: sheets.get(row.salesperson) ?? [],
      adjustments: adjustments.filter((a) => a.salesperson === row.salesperson),
      record: records.get(row.salesperson) ?? null,
      plan: (person.commissionPlan && plans.get(person.commissionPlan)) || null,
      settings,
      ...(owed === undefined ? {} : { receivables: owed && { asOf: owed.asOf, ...(owed.people.get(row.salesperson) ?? { outstanding: '0.00', overdue: '0.00' }) } }),
    };
  });
  return { company, report, forms, people };
}

/** One workbook for the quarter (汇总 and every person), or one workbook per person. */
export async function exportForms(db: Db, quarter: string, perPerson: boolean): Promise<{ fileName: string; bytes: Buffer }[]> {
  const { company, report, forms, people } = gather(db, quarter);
  if (!perPerson) return [{ fileName: `绩效考核表-${quarter}.xlsx`, bytes: await formsWorkbook(company, report, forms, people, true) }];
  const files = [];
  for (const form of forms) {
    const fileName = `绩效考核表-${quarter}-${form.person.id}-${form.person.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
    files.push({ fileName, bytes: await formsWorkbook(company, report, [form], people, false) });
  }
  return files;
}

export function formsHandlers(db: Db): Pick<ApiHandlers, 'forms.export' | 'forms.importSelfReview'> {
  return {
    'forms.export': async ({ quarter, perPerson }): Promise<ExportedForm[]> =>
      (await exportForms(db, quarter, perPerson)).map((f) => ({ fileName: f.fileName, content: f.bytes.toString('base64') })),
    'forms.importSelfReview': ({ fileName, content, quarter }) => importSelfReview(db, Buffer.from(content, 'base64'), fileName, quarter),
  };
}

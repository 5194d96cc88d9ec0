import type { ExportedForm } from '../../shared/api/contract';
import type { Salesperson } from '../../shared/domain';
import { listPlans } from '../db/repositories/commissionPlans';
import { getCompany, getSettings } from '../db/repositories/company';
import type { ReadDb, WriteDb } from '../db/handles';
import { listAdjustments } from '../db/repositories/adjustments';
import { appSecret } from '../db/repositories/appSecrets';
import { listAppraisals } from '../db/repositories/appraisals';
import { listSnapshots } from '../db/repositories/appraisalSnapshots';
import { listTargetSheets } from '../db/repositories/targets';
import { cachedQuarter } from '../services/appraisalService';
import { peopleAsApproved } from '../services/peopleAsApproved';
import { commissionStatements } from '../services/commissionStatementService';
import { computeReceivables } from '../services/receivablesService';
import { DomainError } from '../../shared/api/errors';
import { quarterRange } from '../../shared/quarter';
import type { PersonForm } from './formSheet';
import { FORM_SECRET, formsWorkbook } from './formWorkbook';
import { importSelfReview } from './selfReviewImport';
import { ownTransaction, type ServiceHandlers } from '../services/markers';

/**
 * Each person's outstanding and overdue at the quarter's end; the month and currency instead when
 * a rate they need is missing. (Unmatched receipts without a rate no longer block this: they
 * are nobody's receivable, SPEC §12.)
 */
function receivablesAtQuarterEnd(
  db: ReadDb,
  quarter: string,
): { asOf: string; people: Map<string, { outstanding: string; overdue: string }> } | { missing: { month: string; currency: string } } {
  const asOf = quarterRange(quarter).to;
  try {
    const report = computeReceivables(db, asOf);
    return { asOf, people: new Map(report.salespeople.map((p) => [p.salesperson, { outstanding: p.outstanding, overdue: p.overdue }])) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'appraise.missingRate')
      return { missing: { month: String(error.params.month), currency: String(error.params.currency) } };
    throw error;
  }
}

/**
 * Everything the forms of a quarter show, gathered once. An approved person's form is drawn
 * from their snapshot — row, person, plan, settings, targets and adjustments as approved — so a
 * later change of plan, pay or settings never alters a signed form (STYLE rule 16).
 */
function gather(
  db: ReadDb,
  quarter: string,
): { company: string; report: ReturnType<typeof cachedQuarter>['report']; forms: PersonForm[]; people: Map<string, Salesperson> } {
  const { report } = cachedQuarter(db, quarter);
  // The 汇总 sheet's 底薪 of an approved person is the one approved too.
  const people = peopleAsApproved(db, quarter);
  const plans = new Map(listPlans(db).map((p) => [p.id, p]));
  const sheets = new Map(listTargetSheets(db, quarter).map((s) => [s.salesperson, s.indicators]));
  const records = new Map(listAppraisals(db, quarter).map((r) => [r.salesperson, r]));
  const snapshots = new Map(listSnapshots(db, quarter).map((s) => [s.salesperson, s.data]));
  const adjustments = listAdjustments(db, { period: quarter });
  const settings = getSettings(db);
  const company = getCompany(db)?.name ?? '';
  const owed = settings.paymentTerms.length > 0 ? receivablesAtQuarterEnd(db, quarter) : undefined;
  const forms = report.rows.map((row): PersonForm => {
    const snap = snapshots.get(row.salesperson);
    const person = snap?.person ??
      people.get(row.salesperson) ?? {
        id: row.salesperson,
        name: row.name,
        department: null,
        hiredOn: null,
        monthlyBaseSalary: '0',
        performanceBasePay: '0',
        commissionPlan: null,
      };
    const livePlan = (person.commissionPlan && plans.get(person.commissionPlan)) || null;
    return {
      company,
      quarter,
      row,
      person,
      indicators: snap?.indicators ?? sheets.get(row.salesperson) ?? [],
      adjustments: snap?.adjustments ?? adjustments.filter((a) => a.salesperson === row.salesperson),
      record: records.get(row.salesperson) ?? null,
      plan: snap?.person ? snap.plan : livePlan,
      settings: snap?.settings ?? settings,
      ...(owed === undefined
        ? {}
        : { receivables: 'missing' in owed ? owed : { asOf: owed.asOf, ...(owed.people.get(row.salesperson) ?? { outstanding: '0.00', overdue: '0.00' }) } }),
    };
  });
  return { company, report, forms, people };
}

/** What a quarter's workbooks are made of: the forms, and each form's 提成对账单. */
function sources(db: WriteDb, quarter: string) {
  const { company, report, forms, people } = gather(db, quarter);
  const secret = appSecret(db, FORM_SECRET);
  const statements = new Map(commissionStatements(db, quarter).map((s) => [s.salesperson, s]));
  const statementsOf = (list: readonly PersonForm[]) => list.flatMap((f) => statements.get(f.person.id) ?? []);
  return { company, report, forms, people, secret, statementsOf };
}

/** One workbook for the quarter (汇总, every person's form and 提成对账单), or one workbook per person. */
export async function exportForms(db: WriteDb, quarter: string, perPerson: boolean): Promise<{ fileName: string; bytes: Buffer }[]> {
  const { company, report, forms, people, secret, statementsOf } = sources(db, quarter);
  if (!perPerson)
    return [{ fileName: `绩效考核表-${quarter}.xlsx`, bytes: await formsWorkbook(company, report, forms, people, true, secret, statementsOf(forms)) }];
  const files = [];
  for (const form of forms) {
    const fileName = `绩效考核表-${quarter}-${form.person.id}-${form.person.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
    files.push({ fileName, bytes: await formsWorkbook(company, report, [form], people, false, secret, statementsOf([form])) });
  }
  return files;
}

export function formsHandlers(): ServiceHandlers<'forms.export' | 'forms.importSelfReview'> {
  return {
    // Not a read: the first export makes the database's form secret (appSecret), a write of its own.
    'forms.export': ownTransaction(async (db, { quarter, perPerson }): Promise<ExportedForm[]> =>
      (await exportForms(db, quarter, perPerson)).map((f) => ({ fileName: f.fileName, content: f.bytes.toString('base64') })),
    ),
    'forms.importSelfReview': ownTransaction((db, { fileName, content, quarter }) => importSelfReview(db, Buffer.from(content, 'base64'), fileName, quarter)),
  };
}

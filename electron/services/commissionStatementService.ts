import type { ExportedForm } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { CommissionPlan, NewCustomerRule, Settings } from '../../shared/domain';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import {
  buildCommissionStatement,
  type CommissionStatement,
  type ExcludedLine,
  type NewCustomerLine,
  type StatementLine,
} from '../../shared/engine/commissionStatement';
import { quarterRange, type QuarterKey } from '../../shared/quarter';
import {
  countedDeals,
  countedReceipts,
  countedReceiptsByPerson,
  excludedReceipts,
  excludedReceiptsByPerson,
  newCustomersByPerson,
  newCustomersOf,
} from '../db/commissionStatementFacts';
import type { ReadDb } from '../db/handles';
import { listPlans } from '../db/repositories/commissionPlans';
import { listSnapshots } from '../db/repositories/appraisalSnapshots';
import { getCompany, getSettings } from '../db/repositories/company';
import { listSalespeople } from '../db/repositories/salespeople';
import { payWorkbook } from '../forms/payWorkbook';
import { statementsWorkbook } from '../forms/statementWorkbook';
import { cachedQuarter } from './appraisalService';
import { peopleAsApproved } from './peopleAsApproved';
import { read, type ServiceHandlers } from './markers';

const NO_PLAN: CommissionPlan = { id: '', mode: 'progressive', brackets: [], newCustomerBonus: '0' };

/**
 * The statement of one appraisal row: the lines behind its commission base, the receipts of the
 * person's customers left out and why, the bracket slices and the new customers by name. The
 * commission is recomputed from the lines by the engine and must equal the appraisal's; a
 * difference would mean the statement does not explain the figure, so it is refused. An approved
 * person's plan, settings and receipts left out are the ones approved with them (their snapshot),
 * not today's.
 */
function statementOf(
  db: ReadDb,
  quarter: QuarterKey,
  row: AppraisalRow,
  used: { plan: CommissionPlan; settings: Settings; excluded: ExcludedLine[] | null },
  everyone?: Everyone,
): CommissionStatement {
  const { settings, plan } = used;
  const range = quarterRange(quarter);
  const sp = row.salesperson;
  const statement = buildCommissionStatement({
    salesperson: sp,
    name: row.name,
    quarter,
    base: settings.commissionBase,
    plan,
    lines:
      settings.commissionBase === 'deal_volume' ? countedDeals(db, sp, range) : everyone ? (everyone.receipts().get(sp) ?? []) : countedReceipts(db, sp, range),
    excluded:
      settings.commissionBase === 'deal_volume' ? [] : (used.excluded ?? (everyone ? (everyone.excluded().get(sp) ?? []) : excludedReceipts(db, sp, range))),
    newCustomers: everyone ? (everyone.newCustomers(settings.newCustomerRule).get(sp) ?? []) : newCustomersOf(db, sp, range, settings.newCustomerRule),
  });
  const c = statement.commission;
  if (c.base !== row.commission.base || c.total !== row.commission.total || c.newCustomerBonus !== row.commission.newCustomerBonus) {
    throw new DomainError('statement.mismatch', { name: row.name, salesperson: row.salesperson, quarter, lines: c.base, base: row.commission.base });
  }
  return statement;
}

/** The quarter's counted and excluded receipts and new customers of everyone, each gathered once when first asked. */
type Everyone = {
  receipts(): Map<string, StatementLine[]>;
  excluded(): Map<string, ExcludedLine[]>;
  newCustomers(rule: NewCustomerRule): Map<string, NewCustomerLine[]>;
};

function everyoneOf(db: ReadDb, quarter: QuarterKey): Everyone {
  const range = quarterRange(quarter);
  let receipts: Map<string, StatementLine[]> | undefined;
  let excluded: Map<string, ExcludedLine[]> | undefined;
  const newCustomers = new Map<NewCustomerRule, Map<string, NewCustomerLine[]>>();
  return {
    receipts: () => (receipts ??= countedReceiptsByPerson(db, range)),
    excluded: () => (excluded ??= excludedReceiptsByPerson(db, range)),
    newCustomers: (rule) => {
      let found = newCustomers.get(rule);
      if (!found) newCustomers.set(rule, (found = newCustomersByPerson(db, range, rule)));
      return found;
    },
  };
}

/**
 * Statements of the quarter: one person's, or everyone appraised (in the appraisal's order).
 * For everyone, the quarter's receipts and first events are read once for all, not per person.
 */
export function commissionStatements(db: ReadDb, quarter: QuarterKey, salesperson?: string): CommissionStatement[] {
  const { report } = cachedQuarter(db, quarter);
  const rows = salesperson === undefined ? report.rows : report.rows.filter((r) => r.salesperson === salesperson);
  if (salesperson !== undefined && rows.length === 0) throw new DomainError('statement.notAppraised', { salesperson, quarter });
  const plans = new Map(listPlans(db).map((p) => [p.id, p]));
  const planOf = new Map(listSalespeople(db).map((p) => [p.id, p.commissionPlan]));
  const approved = new Map(listSnapshots(db, quarter).map((s) => [s.salesperson, s.data]));
  const settings = getSettings(db);
  const everyone = salesperson === undefined ? everyoneOf(db, quarter) : undefined;
  return rows.map((row) => {
    const snapshot = approved.get(row.salesperson);
    const planId = planOf.get(row.salesperson) ?? null;
    const plan = snapshot?.plan ?? ((planId && plans.get(planId)) || NO_PLAN);
    // Approved: the receipts left out as they were at 审定 (a customer may have changed hands since).
    return statementOf(db, quarter, row, { plan, settings: snapshot?.settings ?? settings, excluded: snapshot?.excluded ?? null }, everyone);
  });
}

/** The statements as a print-ready workbook: one A4 sheet per person. */
export async function exportStatements(db: ReadDb, quarter: QuarterKey, salesperson?: string): Promise<{ fileName: string; bytes: Buffer }> {
  const statements = commissionStatements(db, quarter, salesperson);
  const company = getCompany(db)?.name ?? '';
  const who = salesperson === undefined ? '' : `-${salesperson}-${statements[0]?.name ?? ''}`;
  return { fileName: `提成对账单-${quarter}${who}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'), bytes: await statementsWorkbook(company, statements) };
}

/** 薪酬 as a workbook: the quarter's pay of everyone appraised. */
export async function exportPay(db: ReadDb, quarter: QuarterKey): Promise<{ fileName: string; bytes: Buffer }> {
  const { report } = cachedQuarter(db, quarter);
  const people = peopleAsApproved(db, quarter);
  return { fileName: `薪酬-${quarter}.xlsx`, bytes: await payWorkbook(getCompany(db)?.name ?? '', report, people) };
}

function asExported(file: { fileName: string; bytes: Buffer }): ExportedForm {
  return { fileName: file.fileName, content: file.bytes.toString('base64') };
}

export function commissionStatementHandlers(): ServiceHandlers<'statements.get' | 'statements.export' | 'pay.export'> {
  return {
    'statements.get': read((db, { quarter, salesperson }) => commissionStatements(db, quarter, salesperson)[0] as CommissionStatement),
    'statements.export': read(async (db, { quarter, salesperson }) => asExported(await exportStatements(db, quarter, salesperson))),
    'pay.export': read(async (db, { quarter }) => asExported(await exportPay(db, quarter))),
  };
}

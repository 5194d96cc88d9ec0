import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/api/errors';
import type { AppraisalRecord } from '../../shared/entities';
import { selfAssessSchema } from '../../shared/schemas/workflow';
import { issueToError } from '../../shared/schemas/issues';
import { canonicalFigures, figuresOfRow, type FormFigures } from '../../shared/workflow/formFigures';
import type { Db } from '../db/connection';
import { getAppraisal } from '../db/repositories/appraisals';
import { appendAudit } from '../db/repositories/auditLog';
import { getSalesperson } from '../db/repositories/salespeople';
import { inTransaction } from '../db/statements';
import { computeQuarter } from '../services/appraisalService';
import { workflowHandlers } from '../services/workflowService';
import type { FormMap } from './formSheet';
import { checksum, KEY_SHEET } from './formWorkbook';
import { FORM_LIMITS, guardXlsx } from '../files/zipGuard';

type Key = { sheet: string; salesperson: string; quarter: string; checksum: string; map: FormMap };

function text(cell: ExcelJS.Cell): string {
  // exceljs's cell.value drops a cached result of 0; cell.result keeps it.
  if (cell.formula) return cell.result === undefined || cell.result === null ? '' : String(cell.result as unknown);
  const value = cell.value as unknown;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((p) => p.text).join('');
  if (typeof value === 'object' && value !== null && 'result' in value) return String((value as { result: unknown }).result ?? '');
  return String(value);
}

/** The figures as the form's cells now hold them (formulas by their saved results). */
function figuresOnSheet(sheet: ExcelJS.Worksheet, map: FormMap): FormFigures {
  const at = (name: string) => {
    const value = text(sheet.getCell(map.figures[name] ?? 'A1')).trim();
    return value === '不适用' || value === '—' ? '' : value;
  };
  const count = Object.keys(map.figures).filter((k) => k.endsWith('.weight')).length;
  return {
    indicators: Array.from({ length: count }, (_, k) => ({ weight: at(`indicator${k}.weight`), actual: at(`indicator${k}.actual`), score: at(`indicator${k}.score`) })),
    weighted: at('weighted'),
    adjustments: at('adjustments'),
    total: at('total'),
    grade: at('grade'),
    coefficient: at('coefficient'),
    performancePay: at('performancePay'),
    commission: at('commission'),
  };
}

async function readKeys(bytes: Uint8Array, file: string): Promise<{ workbook: ExcelJS.Workbook; keys: Key[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('form.notForm', { file });
  }
  const sheet = workbook.getWorksheet(KEY_SHEET);
  if (!sheet) throw new DomainError('form.notForm', { file });
  const keys: Key[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = [1, 2, 3, 4, 5].map((c) => text(row.getCell(c)));
    keys.push({ sheet: cells[0] ?? '', salesperson: cells[1] ?? '', quarter: cells[2] ?? '', checksum: cells[3] ?? '', map: JSON.parse(cells[4] || '{}') as FormMap });
  });
  if (keys.length === 0) throw new DomainError('form.notForm', { file });
  return { workbook, keys };
}

/**
 * The way back (SPEC §11): the salesperson's self-evaluation, written on their exported form,
 * is recorded for the right person and quarter. Refused, naming why, for a form of another
 * quarter, a form whose figures were altered or have since changed, or an archived appraisal.
 */
export async function importSelfReview(db: Db, bytes: Uint8Array, file: string, quarter?: string): Promise<AppraisalRecord> {
  guardXlsx(bytes, file, FORM_LIMITS);
  const { workbook, keys } = await readKeys(bytes, file);
  const filled = keys.filter((key) => {
    const sheet = workbook.getWorksheet(key.sheet);
    return sheet && selfText(sheet, key.map) !== '';
  });
  const key = filled[0] ?? keys[0];
  if (!key) throw new DomainError('form.notForm', { file });
  const sheet = workbook.getWorksheet(key.sheet);
  if (!sheet) throw new DomainError('form.notForm', { file });
  const params = { name: getSalesperson(db, key.salesperson)?.name ?? key.salesperson, salesperson: key.salesperson, quarter: key.quarter };
  if (quarter && key.quarter !== quarter) throw new DomainError('form.quarter', { formQuarter: key.quarter, quarter });
  if (checksum(canonicalFigures(key.quarter, key.salesperson, figuresOnSheet(sheet, key.map))) !== key.checksum) throw new DomainError('form.altered');
  if (getAppraisal(db, key.salesperson, key.quarter)?.stage === 'archived') throw new DomainError('wf.archived', params);
  const row = computeQuarter(db, key.quarter).report.rows.find((r) => r.salesperson === key.salesperson);
  if (!row || checksum(canonicalFigures(key.quarter, key.salesperson, figuresOfRow(row))) !== key.checksum) throw new DomainError('form.stale', params);
  const scores = Object.fromEntries(
    Object.entries(key.map.selfScores ?? {}).flatMap(([item, address]) => {
      const value = text(sheet.getCell(address)).trim();
      return value === '' ? [] : [[item, value]];
    }),
  );
  const args = selfAssessSchema.safeParse({ salesperson: key.salesperson, quarter: key.quarter, by: params.name, text: selfText(sheet, key.map), scores });
  if (!args.success) {
    const error = issueToError(args.error, {});
    throw new DomainError(error.code, error.params, error.field ? { field: error.field } : {});
  }
  return inTransaction(db, () => {
    const record = workflowHandlers(db)['workflow.selfAssess'](args.data) as AppraisalRecord;
    appendAudit(db, { action: 'forms.importSelfReview', actor: params.name, entityId: key.salesperson, detail: { quarter: key.quarter, file } });
    return record;
  });
}

function selfText(sheet: ExcelJS.Worksheet, map: FormMap): string {
  const [first, last] = map.selfRows;
  const lines: string[] = [];
  for (let r = first; r <= last; r++) lines.push(text(sheet.getCell(`A${r}`)).trim());
  return lines.filter((line) => line !== '').join('\n');
}

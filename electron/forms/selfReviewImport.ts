import { timingSafeEqual } from 'node:crypto';
import ExcelJS from 'exceljs';
import { statementSheetOf } from './statementWorkbook';
import { DomainError } from '../../shared/api/errors';
import type { AppraisalRecord } from '../../shared/entities';
import { selfAssessSchema } from '../../shared/schemas/workflow';
import { issueToError } from '../../shared/schemas/issues';
import { figuresOfRow, type FormFigures } from '../../shared/workflow/formFigures';
import type { WriteDb } from '../db/handles';
import { getAppraisal } from '../db/repositories/appraisals';
import { appSecret } from '../db/repositories/appSecrets';
import { appendAudit } from '../db/repositories/auditLog';
import { getSalesperson } from '../db/repositories/salespeople';
import { inTransaction } from '../db/statements';
import { computeQuarter } from '../services/appraisalService';
import { workflowHandlers } from '../services/workflowService';
import type { FormMap } from './formSheet';
import { formLayout, formShapeSchema, type FormShape } from './formLayout';
import { FORM_SECRET, formChecksum, KEY_COLUMNS, KEY_SHEET } from './formWorkbook';
import { FORM_LIMITS, guardXlsx } from '../files/zipGuard';

/** A key row, with the map derived from its layout (`mapText` is the file's own, only compared). */
type Key = { sheet: string; salesperson: string; quarter: string; checksum: string; mapText: string; shape: FormShape; map: FormMap };

function text(cell: ExcelJS.Cell): string {
  // exceljs's cell.value drops a cached result of 0; cell.result keeps it.
  if (cell.formula) return cell.result === undefined || cell.result === null ? '' : String(cell.result as unknown);
  const value = cell.value as unknown;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'richText' in value)
    return (value as { richText: { text: string }[] }).richText.map((p) => p.text).join('');
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
    indicators: Array.from({ length: count }, (_, k) => ({
      weight: at(`indicator${k}.weight`),
      actual: at(`indicator${k}.actual`),
      score: at(`indicator${k}.score`),
    })),
    weighted: at('weighted'),
    adjustments: at('adjustments'),
    total: at('total'),
    grade: at('grade'),
    coefficient: at('coefficient'),
    performancePay: at('performancePay'),
    commission: at('commission'),
  };
}

/** A quarter workbook holds one form per person; far more key rows than that is not a form. */
const MAX_KEY_ROWS = 2000;
/** Longest text read from a key cell (a map or layout of a real form is a few hundred characters). */
const MAX_KEY_TEXT = 20_000;

/** One key row, or why it cannot be used: an old unkeyed form, or something that is not a form. */
function parseKey(cells: string[]): Key | 'old' | null {
  const [sheet = '', salesperson = '', quarter = '', sum = '', map = '', layout = ''] = cells;
  if (cells.some((c) => c.length > MAX_KEY_TEXT) || !sheet || !salesperson || !/^[0-9a-f]{64}$/.test(sum)) return null;
  if (layout === '') return 'old';
  let parsed: unknown;
  try {
    parsed = JSON.parse(layout) as unknown;
  } catch {
    return null;
  }
  const shape = formShapeSchema.safeParse(parsed);
  if (!shape.success) return null;
  return { sheet, salesperson, quarter, checksum: sum, mapText: map, shape: shape.data, map: formLayout(shape.data) };
}

async function readKeys(bytes: Uint8Array, file: string): Promise<{ workbook: ExcelJS.Workbook; keys: Key[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    // A zip (an .xlsx or .docx) that cannot be opened is damaged, not merely another kind of file.
    throw new DomainError(bytes[0] === 0x50 && bytes[1] === 0x4b ? 'form.damaged' : 'form.notForm', { file });
  }
  // A Word document is a zip too, and loads as a workbook without sheets: say what it is.
  if (workbook.worksheets.length === 0 && Buffer.from(bytes).includes('word/document.xml')) throw new DomainError('form.wordDocument', { file });
  const sheet = workbook.getWorksheet(KEY_SHEET);
  if (!sheet) throw new DomainError('form.notForm', { file });
  const keys: Key[] = [];
  // Bounded: the header row and at most MAX_KEY_ROWS forms, whatever the sheet claims.
  const last = Math.min(sheet.actualRowCount, MAX_KEY_ROWS + 1);
  for (let n = 2; n <= last; n++) {
    const row = sheet.getRow(n);
    const cells = KEY_COLUMNS.map((_, c) => text(row.getCell(c + 1)));
    if (cells.every((c) => c === '')) continue;
    const key = parseKey(cells);
    if (key === 'old') throw new DomainError('form.oldVersion');
    if (key === null) throw new DomainError('form.notForm', { file });
    keys.push(key);
  }
  if (keys.length === 0 || sheet.actualRowCount > MAX_KEY_ROWS + 1) throw new DomainError('form.notForm', { file });
  return { workbook, keys };
}

/**
 * Every sheet but the key sheet is a form the key names, its person's 提成对账单, or 汇总: a sheet
 * slipped in beside the form (a copy holding the original figures, say) makes the file not the
 * one exported.
 */
function onlyExportedSheets(workbook: ExcelJS.Workbook, keys: readonly Key[]): boolean {
  const named = new Set(keys.map((k) => k.sheet));
  const statements = new Set(keys.map((k) => statementSheetOf(k.sheet)));
  return workbook.worksheets.every(
    (s) => s.name === KEY_SHEET || s.name === '汇总' || ((named.has(s.name) || statements.has(s.name)) && s.state === 'visible'),
  );
}

/**
 * The way back (SPEC §11): the salesperson's self-evaluation, written on their exported form,
 * is recorded for the right person and quarter. Refused, naming why, for a form of another
 * quarter or of a person this database does not have, a form whose figures were altered or
 * have since changed, or an archived appraisal. The cells read are those of the form layout
 * of the form's version, and the checksum is keyed with this database's secret.
 */
export async function importSelfReview(db: WriteDb, bytes: Uint8Array, file: string, quarter?: string): Promise<AppraisalRecord> {
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
  if (quarter && key.quarter !== quarter) throw new DomainError('form.quarter', { formQuarter: key.quarter, quarter });
  const person = getSalesperson(db, key.salesperson);
  if (!person) throw new DomainError('form.person', { salesperson: key.salesperson });
  const params = { name: person.name, salesperson: key.salesperson, quarter: key.quarter };
  const secret = appSecret(db, FORM_SECRET);
  const identity = { sheet: key.sheet, salesperson: key.salesperson, quarter: key.quarter, shape: key.shape };
  const given = Buffer.from(key.checksum, 'hex');
  const onSheet = Buffer.from(formChecksum(secret, identity, figuresOnSheet(sheet, key.map)), 'hex');
  if (!timingSafeEqual(given, onSheet) || key.mapText !== JSON.stringify(key.map) || !onlyExportedSheets(workbook, keys)) throw new DomainError('form.altered');
  if (getAppraisal(db, key.salesperson, key.quarter)?.stage === 'archived') throw new DomainError('wf.archived', params);
  const row = computeQuarter(db, key.quarter).report.rows.find((r) => r.salesperson === key.salesperson);
  if (!row || formChecksum(secret, identity, figuresOfRow(row)) !== key.checksum) throw new DomainError('form.stale', params);
  const scores = Object.fromEntries(
    Object.entries(key.map.selfScores).flatMap(([item, address]) => {
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
    const record = workflowHandlers()['workflow.selfAssess'](db, args.data, { note: () => undefined }) as AppraisalRecord; // its one audit entry is the import's, below
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
